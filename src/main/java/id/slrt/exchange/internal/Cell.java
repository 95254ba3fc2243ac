package id.slrt.exchange.internal;

/**
 * A cell as text, and whether the spreadsheet stored it as a number: a NIK stored as a number has
 * already lost its 16th digit, an account number stored as a number has lost its leading zeros.
 */
public record Cell(String text, boolean number) {
    public static final Cell EMPTY = new Cell("", false);

    public static Cell text(String text) {
        return new Cell(text == null ? "" : text, false);
    }

    public boolean blank() {
        return text.isBlank();
    }
}

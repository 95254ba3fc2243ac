package id.slrt.registry;

/** A code with its name, for select lists (PPKS categories, programs, banks). */
public record CodeName(String code, String name) {
}

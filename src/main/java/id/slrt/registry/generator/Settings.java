package id.slrt.registry.generator;

import id.slrt.platform.StartupProblem;

/** The generator's settings, checked at start-up with a one-line message naming the variable. */
final class Settings {
    private Settings() {
    }

    static int positiveInt(String variable, String value) {
        long n = parse(variable, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw notANumber(variable, value, "a whole number from 1 to " + Integer.MAX_VALUE,
                    "bilangan bulat 1 sampai " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    static long seed(String variable, String value) {
        return parse(variable, value);
    }

    private static long parse(String variable, String value) {
        try {
            return Long.parseLong(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw notANumber(variable, value, "a whole number", "bilangan bulat");
        }
    }

    private static StartupProblem notANumber(String variable, String value, String english, String indonesian) {
        return new StartupProblem(variable + " '" + value + "' bukan " + indonesian + ".",
                variable + " '" + value + "' is not " + english + ".");
    }
}

package id.slrt.registry.generator;

import java.util.List;
import java.util.Random;

/** Values with relative weights, picked with the generator's Random. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    Weighted(List<T> values, double... weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    T pick(Random random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] <= r) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return values.get(low);
    }

    List<T> values() {
        return values;
    }
}

package io.amcp.ai.models.validation;

import java.util.Arrays;

/**
 * One train/test split of a {@link io.amcp.ai.models.TrainingSet}: sample indices, each array
 * ascending.
 *
 * @param train indices to train on
 * @param test  indices to evaluate on
 */
public record Split(int[] train, int[] test) {

    public Split {
        train = train.clone();
        test = test.clone();
    }

    /** A split; see the record components. */
    public static Split of(int[] train, int[] test) {
        return new Split(train, test);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + Arrays.toString(train) + ", test=" + Arrays.toString(test) + "]";
    }
}

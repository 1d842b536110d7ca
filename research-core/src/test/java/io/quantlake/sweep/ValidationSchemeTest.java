package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Fold construction: walk-forward windows and purged k-fold with an embargo. */
class ValidationSchemeTest {
    @Test
    void walkForwardRollsTrainAndTestWindowsByStep() {
        // 100 bars, train 40, test 20, step 20: folds end their test at 60, 80, 100
        List<Fold> folds = new ValidationScheme.WalkForward(40, 20, 20, false).folds(100);
        assertEquals(3, folds.size());
        assertEquals(BarWindow.of(0, 40), folds.get(0).inSample());
        assertEquals(BarWindow.of(40, 60), folds.get(0).outOfSample());
        assertEquals(BarWindow.of(20, 60), folds.get(1).inSample());
        assertEquals(BarWindow.of(60, 80), folds.get(1).outOfSample());
        assertEquals(BarWindow.of(40, 80), folds.get(2).inSample());
        assertEquals(BarWindow.of(80, 100), folds.get(2).outOfSample());
    }

    @Test
    void anchoredWalkForwardTrainsFromTheFirstBar() {
        List<Fold> folds = new ValidationScheme.WalkForward(40, 25, 30, true).folds(100);
        // test windows [40,65) and [70,95); a third would end at 125 > 100
        assertEquals(2, folds.size());
        assertEquals(BarWindow.of(0, 70), folds.get(1).inSample());
        assertEquals(BarWindow.of(70, 95), folds.get(1).outOfSample());
    }

    @Test
    void walkForwardThatDoesNotFitFailsNamingTheBars() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ValidationScheme.WalkForward(90, 20, 20, false).folds(100));
        assertTrue(e.getMessage().contains("train_bars + test_bars <= the panel's 100 bars, got 90 + 20"), e.getMessage());
    }

    @Test
    void purgedKFoldRemovesTheEmbargoOnBothSidesOfTheTestFold() {
        // 10 bars, 3 folds: sizes 4, 3, 3 → tests [0,4), [4,7), [7,10); embargo 1
        List<Fold> folds = new ValidationScheme.PurgedKFold(3, 1).folds(10);
        assertEquals(BarWindow.of(0, 4), folds.get(0).outOfSample());
        assertEquals(BarWindow.of(5, 10), folds.get(0).inSample());
        assertEquals(BarWindow.of(4, 7), folds.get(1).outOfSample());
        assertEquals(new BarWindow(new int[] {0, 8}, new int[] {3, 10}), folds.get(1).inSample());
        assertEquals(BarWindow.of(7, 10), folds.get(2).outOfSample());
        assertEquals(BarWindow.of(0, 6), folds.get(2).inSample());
    }

    @Property(tries = 300)
    void purgedKFoldTestFoldsPartitionTheBarsAndTrainingKeepsClearOfThem(
            @ForAll @IntRange(min = 20, max = 400) int bars, @ForAll @IntRange(min = 2, max = 10) int k,
            @ForAll @IntRange(min = 0, max = 5) int embargo) {
        List<Fold> folds = new ValidationScheme.PurgedKFold(k, embargo).folds(bars);
        assertEquals(k, folds.size());
        int next = 0;
        for (Fold f : folds) {
            BarWindow test = f.outOfSample();
            assertEquals(next, test.first(), "test folds are contiguous and in order");
            assertTrue(test.bars() == bars / k || test.bars() == bars / k + 1, "even fold sizes");
            next = test.endExclusive();
            for (int t = 0; t < bars; t++) {
                boolean nearTest = t >= test.first() - embargo && t < test.endExclusive() + embargo;
                assertEquals(!nearTest, f.inSample().contains(t),
                        "bar " + t + " of fold " + f.index() + " test " + test + " embargo " + embargo);
            }
        }
        assertEquals(bars, next, "the test folds cover every bar");
    }

    @Property(tries = 200)
    void walkForwardWindowsNeverOverlapAndTestFollowsTrain(@ForAll @IntRange(min = 10, max = 300) int bars,
            @ForAll @IntRange(min = 1, max = 60) int train, @ForAll @IntRange(min = 1, max = 40) int test,
            @ForAll @IntRange(min = 1, max = 40) int step) {
        if (train + test > bars) {
            return;
        }
        List<Fold> folds = new ValidationScheme.WalkForward(train, test, step, false).folds(bars);
        assertEquals((bars - train - test) / step + 1, folds.size());
        for (Fold f : folds) {
            assertEquals(train, f.inSample().bars());
            assertEquals(test, f.outOfSample().bars());
            assertEquals(f.inSample().endExclusive(), f.outOfSample().first());
            assertTrue(f.outOfSample().endExclusive() <= bars);
            assertFalse(f.inSample().contains(f.outOfSample().first()));
        }
    }
}

package org.perinatalequity.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoardWarmUpTest {

    @Test
    void waitsUntilBothTheFactsAndTheQualityItemsAreRebuilt() {
        // Facts rebuilt first (3 → 4), the quality items a moment later (7 → 8)
        Iterator<List<Long>> versions = List.of(List.of(3L, 7L), List.of(4L, 7L), List.of(4L, 7L), List.of(4L, 8L))
                .iterator();
        int[] reads = { 0 };
        assertThat(BoardWarmUp.awaitChange(List.of(3L, 7L), () -> {
            reads[0]++;
            return versions.next();
        }, Duration.ofSeconds(10))).isTrue();
        assertThat(reads[0]).isEqualTo(4);
    }

    @Test
    void givesUpWhenARebuildNeverFinishes() {
        assertThat(BoardWarmUp.awaitChange(List.of(3L, 7L), () -> List.of(4L, 7L), Duration.ofMillis(500))).isFalse();
    }
}

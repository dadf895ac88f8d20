package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResultCacheTest {

    @Test
    void anAnswerIsKeptUntilAnyPartOfTheDataVersionChanges() {
        ResultCache<String, Integer> cache = new ResultCache<>(10);
        AtomicInteger computed = new AtomicInteger();

        assertThat(cache.get(List.of(1L, 0L), "preterm", computed::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get(List.of(1L, 0L), "preterm", computed::incrementAndGet)).isEqualTo(1);
        // The facts were rebuilt (1) but the quality items not yet (0): once they are, the answer is recomputed
        assertThat(cache.get(List.of(1L, 1L), "preterm", computed::incrementAndGet)).isEqualTo(2);
        assertThat(cache.get(List.of(2L, 1L), "preterm", computed::incrementAndGet)).isEqualTo(3);
        assertThat(cache.get(List.of(2L, 1L), "preterm", computed::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() {
        ResultCache<String, String> cache = new ResultCache<>(2);
        cache.get(1L, "a", () -> "A");
        cache.get(1L, "b", () -> "B");
        cache.get(1L, "a", () -> "not again");
        cache.get(1L, "c", () -> "C");
        assertThat(cache.get(1L, "a", () -> "recomputed")).isEqualTo("A");
        assertThat(cache.get(1L, "b", () -> "recomputed")).isEqualTo("recomputed");
    }

    @Test
    void movingToANewVersionForgetsTheOldAnswersButKeepsTheNewOnes() {
        ResultCache<String, String> cache = new ResultCache<>(10);
        cache.get(3L, "a", () -> "A");
        cache.moveTo(4L);
        assertThat(cache.get(4L, "a", () -> "recomputed")).isEqualTo("recomputed");
        cache.moveTo(4L);
        assertThat(cache.get(4L, "a", () -> "again")).isEqualTo("recomputed");
    }
}

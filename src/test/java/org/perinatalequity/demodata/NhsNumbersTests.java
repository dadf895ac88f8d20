package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NhsNumbersTests {

    @Test
    void validatesTheModulus11CheckDigit() {
        assertThat(NhsNumbers.isValid("9434765919")).isTrue();
        assertThat(NhsNumbers.isValid("9434765918")).isFalse();
        assertThat(NhsNumbers.isValid("943476591")).isFalse();
    }

    @Test
    void issuesUniqueValidNumbersInTheUnissuedRange() {
        NhsNumbers numbers = new NhsNumbers(42L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String n = numbers.next();
            assertThat(NhsNumbers.isValid(n)).as(n).isTrue();
            assertThat(n).startsWith("99");
            assertThat(seen.add(n)).as(n).isTrue();
        }
    }
}

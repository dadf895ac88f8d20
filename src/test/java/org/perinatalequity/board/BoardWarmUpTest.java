package org.perinatalequity.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perinatalequity.system.DerivedDataRefreshed;

class BoardWarmUpTest {

    @Test
    void warmsTheRefreshThatIsStillTheLatest() {
        assertThat(BoardWarmUp.worthWarming(new DerivedDataRefreshed(4), 4)).isTrue();
    }

    @Test
    void skipsARefreshThatAnotherHasAlreadyFollowed() {
        // Two loads in a row: by the time the first refresh's turn comes, the data are at version 5
        assertThat(BoardWarmUp.worthWarming(new DerivedDataRefreshed(4), 5)).isFalse();
    }
}

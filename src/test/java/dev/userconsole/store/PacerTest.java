package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacing rules themselves (the pace over time is proven against the simulator: ThrottlingTest). */
class PacerTest {

    @Test
    void aProvisionedPacerStartsAtTheProvisionedRateAndThrottlingCutsItOnceForOneCongestion() throws Exception {
        Pacer pacer = Pacer.provisioned(100);
        assertEquals(100, pacer.rate(), 1e-9);
        assertFalse(pacer.throttledRecently());
        double reserved = pacer.awaitTurn();
        pacer.throttled(reserved);
        pacer.throttled(reserved); // another request of the same moment: the same congestion
        assertEquals(80, pacer.rate(), 1e-9, "cut once by a fifth");
        assertTrue(pacer.throttledRecently(), "progress says throttled, waiting");
        pacer.answered(pacer.awaitTurn(), 10.0);
        assertEquals(84, pacer.rate(), 1e-9, "each answer adds 5% back");
        for (int i = 0; i < 20; i++) {
            pacer.answered(0, 0.0);
        }
        assertEquals(100, pacer.rate(), 1e-9, "never above the provisioned rate");
    }

    @Test
    void anUnlimitedPacerDoesNotWaitUntilThrottledThenPacesToWhatWasUsed() throws Exception {
        Pacer pacer = Pacer.unlimited();
        assertTrue(Double.isInfinite(pacer.rate()));
        for (int i = 0; i < 100; i++) {
            pacer.answered(pacer.awaitTurn(), 1.0); // no wait at all: 100 turns at once
        }
        pacer.throttled(pacer.awaitTurn());
        assertTrue(pacer.rate() > 0 && pacer.rate() <= 100, "at most what was used in the first second: " + pacer.rate());
    }

    @Test
    void onDemandAndProvisionedZeroAreUnlimited() {
        assertTrue(Double.isInfinite(Pacer.provisioned(0).rate()));
    }
}

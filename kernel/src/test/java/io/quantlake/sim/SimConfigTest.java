package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Market;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimConfigTest {
    @Test
    void defaultsFollowCliMd() {
        SimConfig c = SimConfig.builder(Market.SPOT, 100_000).build();
        assertEquals(ExecutionPrice.NEXT_OPEN, c.executionPrice());
        assertEquals(0, c.takerBps());
        assertEquals(1, c.maxLeverage());
        assertEquals(0.005, c.maintenanceMargin());
        assertEquals(FundingMissing.ERROR, c.fundingMissing());
        assertEquals(io.quantlake.schedule.RebalanceRule.NONE, c.rebalance());
        assertTrue(c.breaker().isEmpty());
    }

    @Test
    void invalidValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimConfig.builder(Market.SPOT, 1000).costs(-1, 0, 0).build());
        assertTrue(e.getMessage().contains("costs.taker_bps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SimConfig.builder(Market.SPOT, 0).build());
        assertTrue(e.getMessage().contains("capital"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExecutionPrice.parse("open"));
        assertTrue(e.getMessage().contains("next_open or close"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(Double.NaN, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new SymbolFilter(0, 5));
    }

    @Test
    void fundingSchedulesFromRecords() {
        Map<String, FundingSchedule> m = FundingSchedule.bySymbol(List.of(
                new FundingRecord(Market.USDM, "XRPUSDT", 2000, -0.0001, Double.NaN),
                new FundingRecord(Market.USDM, "XRPUSDT", 1000, 0.0001, 1.1),
                new FundingRecord(Market.USDM, "BTCUSDT", 1000, 0.0002, Double.NaN)));
        assertArrayEquals(new long[] {1000, 2000}, m.get("XRPUSDT").times());
        assertArrayEquals(new double[] {0.0001, -0.0001}, m.get("XRPUSDT").rates());
        assertEquals(1.1, m.get("XRPUSDT").marks()[0]);
        assertEquals(1, m.get("BTCUSDT").size());
        assertThrows(IllegalArgumentException.class, () -> FundingSchedule.bySymbol(List.of(
                new FundingRecord(Market.USDM, "A", 1000, 0.1, Double.NaN),
                new FundingRecord(Market.USDM, "A", 1000, 0.2, Double.NaN))));
    }
}

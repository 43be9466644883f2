package io.coincalltrader.ui.ticket;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.market.InstrumentQuote;
import io.coincalltrader.engine.risk.PreTradeChecks;
import io.coincalltrader.engine.risk.RiskLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad ticket input is refused at its field with the reason in words (no toolkit needed). */
class OrderTicketViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String SYMBOL = "BTCUSD-25DEC26-100000-C";
    private OrderTicketViewModel vm;
    private BigDecimal available = new BigDecimal("50000");

    @BeforeEach
    void open() {
        vm = new OrderTicketViewModel(null, new PreTradeChecks(RiskLimits.defaults()), () -> available, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.symbolProperty().set(SYMBOL);
        InstrumentName.Option name = (InstrumentName.Option) InstrumentName.parse(SYMBOL);
        Instrument.Option option = new Instrument.Option(name, new InstrumentSpec(new BigDecimal("0.1"), new BigDecimal("0.01"),
                new BigDecimal("0.01"), BigDecimal.ONE));
        vm.loaded(Optional.of(new InstrumentQuote(option, new BigDecimal("2000"), new BigDecimal("1990"), new BigDecimal("2010"),
                new BigDecimal("98000"), NOW)), null);
        vm.sizeProperty().set("1");
    }

    @Test
    void theMarkIsOfferedAsPriceAndAValidTicketIsSendable() {
        assertThat(vm.priceProperty().get()).isEqualTo("2000");
        assertThat(vm.sendableProperty().get()).isTrue();
    }

    @Test
    void sizeRefusals() {
        vm.sizeProperty().set("");
        assertThat(vm.sizeProblemProperty().get()).isEqualTo("Enter a size");
        vm.sizeProperty().set("one");
        assertThat(vm.sizeProblemProperty().get()).contains("must be a number");
        vm.sizeProperty().set("-1");
        assertThat(vm.sizeProblemProperty().get()).contains("above zero");
        vm.sizeProperty().set("0.015");
        assertThat(vm.sizeProblemProperty().get()).contains("not a multiple of the size step 0.01").contains("nearest valid size 0.01");
        vm.sizeProperty().set("150");
        assertThat(vm.sizeProblemProperty().get()).contains("above your per-order limit of 100 by 50");
        assertThat(vm.sendableProperty().get()).isFalse();
    }

    @Test
    void aDecimalCommaIsRefusedNotGuessedAndAbsurdNumbersAreNotNumbers() {
        vm.sizeProperty().set("0,5");
        assertThat(vm.sizeProblemProperty().get()).contains("use a point for decimals").contains("nothing is guessed");
        vm.sizeProperty().set("NaN");
        assertThat(vm.sizeProblemProperty().get()).contains("must be a number");
        vm.sizeProperty().set("1e308");
        assertThat(vm.sizeProblemProperty().get()).contains("must be a number");
        io.coincalltrader.ui.common.Formats.use(io.coincalltrader.ui.common.Formats.Style.POINT_COMMA);
        try {
            vm.sizeProperty().set("0,5");
            assertThat(vm.sizeProblemProperty().get()).isNull();
            vm.sizeProperty().set("0.5");
            assertThat(vm.sizeProblemProperty().get()).contains("use a comma for decimals");
        } finally {
            io.coincalltrader.ui.common.Formats.use(io.coincalltrader.ui.common.Formats.Style.COMMA_POINT);
        }
    }

    @Test
    void priceRefusals() {
        vm.priceProperty().set("abc");
        assertThat(vm.priceProblemProperty().get()).contains("must be a number");
        vm.priceProperty().set("2000.05");
        assertThat(vm.priceProblemProperty().get()).contains("not on the tick of 0.1");
        vm.priceProperty().set("3000");
        assertThat(vm.priceProblemProperty().get()).contains("above the mark 2000").contains("band");
        assertThat(vm.sendableProperty().get()).isFalse();
        vm.typeProperty().set(OrderType.POST_ONLY);
        vm.priceProperty().set("1990");
        assertThat(vm.priceProblemProperty().get()).isNull();
    }

    @Test
    void marginAndNotionalRefusalsSayByHowMuch() {
        available = new BigDecimal("1000");
        vm.validate();
        assertThat(vm.accountProblemProperty().get()).contains("Needs about 2,000 USD of margin, 1,000 USD more than the 1,000 USD available");
        available = new BigDecimal("50000");
        vm.sideProperty().set(Side.SELL);
        vm.sizeProperty().set("10");
        // a short option: about 15% of the index per contract, 147,000 USD here
        assertThat(vm.accountProblemProperty().get()).contains("of margin").contains("available");
        assertThat(vm.sendableProperty().get()).isFalse();
    }

    @Test
    void aStaleMarkRefusesUntilTheQuoteIsRefreshed() {
        InstrumentQuote q = vm.quoteProperty().get();
        vm.loaded(Optional.of(new InstrumentQuote(q.instrument(), q.mark(), q.bid(), q.ask(), q.index(), NOW.minusSeconds(30))), null);
        assertThat(vm.accountProblemProperty().get()).containsIgnoringCase("mark");
        vm.loaded(Optional.of(new InstrumentQuote(q.instrument(), q.mark(), q.bid(), q.ask(), q.index(), NOW)), null);
        assertThat(vm.accountProblemProperty().get()).isNull();
    }

    @Test
    void optionsAreNeverOfferedAMarketOrderAndAnUnknownInstrumentIsSaid() {
        assertThat(OrderTicketViewModel.typesFor(SYMBOL)).doesNotContain(OrderType.MARKET);
        assertThat(OrderTicketViewModel.typesFor("BTCUSD")).contains(OrderType.MARKET);
        vm.loaded(Optional.empty(), null);
        assertThat(vm.instrumentProblemProperty().get()).contains("Not listed");
        assertThat(vm.sendableProperty().get()).isFalse();
    }
}

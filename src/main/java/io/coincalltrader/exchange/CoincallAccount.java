package io.coincalltrader.exchange;

import com.google.gson.JsonObject;
import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.CoinBalance;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.ProductType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Coincall's account and position endpoints. */
final class CoincallAccount implements AccountGateway {
    private final RestTransport http;

    CoincallAccount(RestTransport http) {
        this.http = http;
    }

    @Override
    public AccountSummary summary() {
        return TradingMapper.accountSummary(http.read("/open/account/summary/v1", Map.of(), RateBucket.ACCOUNT, true));
    }

    @Override
    public List<CoinBalance> wallet() {
        return summary().coins();
    }

    @Override
    public List<Position> optionPositions() {
        return TradingMapper.positions(http.read("/open/option/position/get/v1", Map.of(), RateBucket.POSITIONS, true), ProductType.OPTION);
    }

    @Override
    public List<Position> futuresPositions() {
        return TradingMapper.positions(http.read("/open/futures/position/get/v1", Map.of(), RateBucket.POSITIONS, true), ProductType.FUTURE);
    }

    @Override
    public List<Position> positions() {
        List<Position> all = new ArrayList<>(optionPositions());
        all.addAll(futuresPositions());
        return all;
    }

    @Override
    public ApiKeyInfo apiKeyInfo() {
        JsonObject o = JsonFields.object(http.read("/open/auth/user/query-api", Map.of(), RateBucket.ACCOUNT, true), "api key info");
        return new ApiKeyInfo(JsonFields.string(o, "userId"), JsonFields.integer(o, "readOnly", 1) == 1, JsonFields.flag(o, "isMaster"));
    }
}

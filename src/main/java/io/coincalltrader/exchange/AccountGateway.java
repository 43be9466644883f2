package io.coincalltrader.exchange;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.CoinBalance;
import io.coincalltrader.domain.account.Position;

import java.util.List;

/** Account, wallet and positions (signed). */
public interface AccountGateway {

    AccountSummary summary();

    /** Per-coin balances; Coincall documents them in the summary's {@code accounts[]}. */
    List<CoinBalance> wallet();

    List<Position> optionPositions();

    List<Position> futuresPositions();

    /** Options then futures. */
    List<Position> positions();

    /** What the key may do. */
    ApiKeyInfo apiKeyInfo();

    /** A key's identity and permission: read-only keys cannot trade. */
    record ApiKeyInfo(String userId, boolean readOnly, boolean master) {
    }
}

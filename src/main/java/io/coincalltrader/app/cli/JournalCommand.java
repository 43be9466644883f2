package io.coincalltrader.app.cli;

import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.JournalEntry;
import io.coincalltrader.store.JournalFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code journal}: the append-only record of every action and transition with its cause. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "What happened and why: the store's journal since a time (default 24h).")
final class JournalCommand extends StoreCommand {
    @Option(names = "--since", paramLabel = "WHEN", description = "30m, 2h, 7d or a UTC time (default 24h)")
    String since;
    @Option(names = "--kind", split = ",", paramLabel = "KIND", description = "only these kinds, e.g. ORDER,FILL,RFQ,RECONCILE,EXECUTION,ALERT")
    List<String> kinds;
    @Option(names = "--cause", split = ",", paramLabel = "CAUSE", description = "only these causes: USER, RULE, EXCHANGE, SYSTEM")
    List<Cause> causes;

    JournalCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(Database db, String profile, Output out) {
        JournalFilter filter = new JournalFilter(kinds == null ? Set.of() : Set.copyOf(kinds.stream().map(k -> k.trim().toUpperCase(Locale.ROOT)).toList()),
                causes == null ? Set.of() : Set.copyOf(causes), Integer.MAX_VALUE);
        List<JournalEntry> entries = db.journal().since(since(since, Duration.ofHours(24)), filter);
        if (out.json()) {
            out.json(entries);
            return 0;
        }
        if (entries.isEmpty()) {
            out.line("Nothing in the journal of store '" + profile + "' in that time.");
            return 0;
        }
        Output.Table t = new Output.Table("Time (UTC)", "Kind", "Cause", "Subject", "What happened");
        for (JournalEntry e : entries) {
            t.row(Output.time(e.time()), e.kind(), e.cause(), e.subject() == null ? "" : e.subject(), e.message());
        }
        t.print(out);
        return 0;
    }
}

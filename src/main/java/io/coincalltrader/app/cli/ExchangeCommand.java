package io.coincalltrader.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that opens an exchange session, does its work and closes the session, whatever happens. */
abstract class ExchangeCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;
    @Spec
    CommandSpec spec;
    private final SessionFactory sessions;

    ExchangeCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public final Integer call() throws Exception {
        validate();
        Output out = new Output(spec.commandLine().getOut(), connection.json);
        try (ExchangeSession session = sessions.open(connection)) {
            return execute(session, out);
        }
    }

    /** Checks the arguments before anything connects; throws IllegalArgumentException with the reason. */
    void validate() {
    }

    abstract int execute(ExchangeSession session, Output out) throws Exception;

    SessionFactory sessions() {
        return sessions;
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Signed HTTP to Coincall. Reads are retried with capped exponential backoff and full jitter; writes are sent
 * exactly once on a client that never retries by itself, and any failure after the request may have left is
 * reported as {@link OutcomeUnknownException}.
 */
public final class RestTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final CoincallConfig config;
    private final RequestSigner signer;
    private final Clock clock;
    private final RateLimiter limiter;
    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final RandomGenerator random;
    private final TokenBucket.Sleeper sleeper;
    private volatile long serverOffsetMillis;

    public RestTransport(CoincallConfig config, Clock clock, RateLimiter limiter, RandomGenerator random,
                         TokenBucket.Sleeper sleeper) {
        this.config = config;
        this.signer = config.credentials().map(c -> new RequestSigner(c.apiKey(), c.apiSecret())).orElse(null);
        this.clock = clock;
        this.limiter = limiter;
        this.random = random;
        this.sleeper = sleeper;
        OkHttpClient base = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .build();
        this.reads = base.newBuilder()
                .callTimeout(config.readCallTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readCallTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true)
                .build();
        // Never let OkHttp resend a POST on a dropped keep-alive connection: that could place an order twice.
        this.writes = base.newBuilder()
                .callTimeout(config.writeCallTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.writeCallTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }

    public boolean hasCredentials() {
        return signer != null;
    }

    public String baseUrl() {
        return config.baseUrl();
    }

    /** The OkHttp client for reads, shared with the WebSocket client so both use one connection pool. */
    public OkHttpClient httpClient() {
        return reads;
    }

    /** Local clock correction applied to every {@code ts}: server time minus local time, in ms. */
    public long serverOffsetMillis() {
        return serverOffsetMillis;
    }

    public void setServerOffsetMillis(long offset) {
        this.serverOffsetMillis = offset;
    }

    /** The timestamp to sign with now. */
    public long timestamp() {
        return clock.millis() + serverOffsetMillis;
    }

    /** A read, retried on network errors, 5xx, 429 and transient exchange codes. */
    public JsonElement read(String path, Map<String, ?> query, RateBucket bucket, boolean signed) {
        ExchangeException last = null;
        for (int attempt = 1; attempt <= config.readAttempts(); attempt++) {
            long retryAfterMillis = 0;
            acquire(bucket, false);
            Request request = build("GET", path, query, Encoding.JSON, signed);
            long start = System.nanoTime();
            try (Response response = reads.newCall(request).execute()) {
                int status = response.code();
                String body = bodyOf(response);
                logCall("GET", path, status, start);
                if (status == 429) {
                    retryAfterMillis = retryAfterMillis(response);
                    limiter.pause(bucket, retryAfterMillis * 1_000_000L);
                    last = new ExchangeUnavailableException(10605, "The exchange is throttling requests (HTTP 429)", null);
                } else if (status >= 500) {
                    last = new ExchangeUnavailableException(status, "The exchange answered HTTP " + status, null);
                } else if (status != 200) {
                    throw refusal(status, body);
                } else {
                    Envelope.Parsed parsed = Envelope.parse(body);
                    if (parsed.code() == 0) {
                        return parsed.data();
                    }
                    if (!ErrorCodes.isTransient(parsed.code())) {
                        throw new ExchangeRejectedException(parsed.code(), parsed.msg());
                    }
                    last = new ExchangeUnavailableException(parsed.code(), ErrorCodes.describe(parsed.code(), parsed.msg()), null);
                }
            } catch (UnexpectedResponseException e) {
                last = e;
            } catch (IOException e) {
                last = new ExchangeUnavailableException(-1, "Cannot reach the exchange: " + describe(e), e);
            }
            if (attempt < config.readAttempts()) {
                backoff(attempt, retryAfterMillis);
            }
        }
        throw last;
    }

    /** A state-changing call, sent once. */
    public JsonElement write(String method, String path, Map<String, ?> params, Encoding encoding, RateBucket bucket) {
        acquire(bucket, true);
        Request request = build(method, path, params, encoding, true);
        long start = System.nanoTime();
        try (Response response = writes.newCall(request).execute()) {
            int status = response.code();
            String body = bodyOf(response);
            logCall(method, path, status, start);
            if (status == 429) {
                limiter.pause(bucket, retryAfterMillis(response) * 1_000_000L);
                throw new OutcomeUnknownException(10605, "The exchange throttled the request (HTTP 429); checking what it did", null);
            }
            if (status >= 500) {
                throw new OutcomeUnknownException(status, "The exchange answered HTTP " + status + "; checking what it did", null);
            }
            if (status != 200) {
                throw refusal(status, body);
            }
            Envelope.Parsed parsed;
            try {
                parsed = Envelope.parse(body);
            } catch (UnexpectedResponseException e) {
                throw new OutcomeUnknownException("The exchange's answer could not be read; checking what it did", e);
            }
            if (parsed.code() != 0) {
                throw new ExchangeRejectedException(parsed.code(), parsed.msg());
            }
            return parsed.data();
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new NotSentException("Not sent: cannot connect to the exchange (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new OutcomeUnknownException("No answer from the exchange (" + describe(e) + "); checking what it did", e);
        }
    }

    private Request build(String method, String path, Map<String, ?> params, Encoding encoding, boolean signed) {
        Map<String, Object> sent = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v != null) {
                    sent.put(k, v);
                }
            });
        }
        HttpUrl.Builder url = HttpUrl.get(config.baseUrl() + path).newBuilder();
        Request.Builder builder = new Request.Builder();
        if (method.equals("GET")) {
            sent.forEach((k, v) -> url.addQueryParameter(k, CanonicalJson.paramText(v)));
            builder.get();
        } else if (encoding == Encoding.FORM) {
            FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
            sent.forEach((k, v) -> form.add(k, CanonicalJson.paramText(v)));
            builder.post(form.build());
        } else {
            builder.post(RequestBody.create(CanonicalJson.write(sent).getBytes(StandardCharsets.UTF_8), JSON));
        }
        builder.url(url.build());
        if (signed) {
            if (signer == null) {
                throw new NotSentException("Not sent: this call needs an API key and secret", null);
            }
            long ts = timestamp();
            builder.header("X-CC-APIKEY", signer.apiKey())
                    .header("sign", signer.sign(method, path, sent, ts, config.tsDiffMillis()))
                    .header("ts", Long.toString(ts))
                    .header("X-REQ-TS-DIFF", Long.toString(config.tsDiffMillis()));
        }
        return builder.build();
    }

    private void acquire(RateBucket bucket, boolean write) {
        try {
            limiter.acquire(bucket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (write) {
                throw new NotSentException("Not sent: interrupted while waiting for the rate limit", e);
            }
            throw new ExchangeUnavailableException(-1, "Interrupted while waiting for the rate limit", e);
        }
    }

    private void backoff(int attempt, long atLeastMillis) {
        long cap = config.retryBaseDelay().toMillis() << Math.min(attempt - 1, 10);
        long delay = Math.max(atLeastMillis, (long) (random.nextDouble() * cap));
        try {
            sleeper.sleepNanos(delay * 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException(-1, "Interrupted while retrying", e);
        }
    }

    private static ExchangeException refusal(int status, String body) {
        try {
            Envelope.Parsed parsed = Envelope.parse(body);
            if (parsed.code() != 0) {
                return new ExchangeRejectedException(parsed.code(), parsed.msg());
            }
        } catch (UnexpectedResponseException ignored) {
            // No envelope: the HTTP status is all we have.
        }
        return new ExchangeRejectedException(status, status == 404
                ? "The exchange has no such endpoint for this account (HTTP 404)"
                : "The exchange refused the request (HTTP " + status + ")");
    }

    private static long retryAfterMillis(Response response) {
        String header = response.header("Retry-After");
        if (header == null) {
            return 1000;
        }
        try {
            return Math.max(0, (long) (Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static String bodyOf(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void logCall(String method, String path, int status, long startNanos) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} -> HTTP {} in {} ms", method, path, status, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    @Override
    public void close() {
        reads.dispatcher().executorService().shutdown();
        reads.connectionPool().evictAll();
        writes.connectionPool().evictAll();
    }
}

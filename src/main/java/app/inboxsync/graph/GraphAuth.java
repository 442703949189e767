package app.inboxsync.graph;

import app.inboxsync.domain.Secret;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the token in the Authorization header (never in the URL, which gets logged) and, when an app secret is
 * configured, adds {@code appsecret_proof} to every call, replacing any proof a {@code next} link carried.
 */
final class GraphAuth implements Interceptor {
    private final Secret appSecret;

    GraphAuth(Secret appSecret) {
        this.appSecret = appSecret;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        PageCall call = request.tag(PageCall.class);
        if (call == null) {
            return chain.proceed(request);
        }
        HttpUrl.Builder url = request.url().newBuilder().removeAllQueryParameters(GraphUrls.ACCESS_TOKEN);
        if (appSecret != null) {
            url.removeAllQueryParameters(GraphUrls.APPSECRET_PROOF)
                    .addQueryParameter(GraphUrls.APPSECRET_PROOF, AppSecretProof.of(appSecret, call.token()));
        }
        return chain.proceed(request.newBuilder()
                .url(url.build())
                .header("Authorization", "Bearer " + call.token().reveal())
                .build());
    }
}

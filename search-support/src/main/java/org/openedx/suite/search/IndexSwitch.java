package org.openedx.suite.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.backend.elasticsearch.metamodel.ElasticsearchIndexDescriptor;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;

/**
 * One index on Elasticsearch/OpenSearch seen through its two aliases: Hibernate Search writes through the write alias
 * and searches through the read alias. A full reindex builds a second index beside the one both aliases name, points
 * the write alias at it while it fills, and then either moves the read alias there too (switch) or points the write
 * alias back and deletes it (refuse); searches read the first index throughout. Each alias move is one atomic
 * {@code _aliases} request.
 */
final class IndexSwitch {

    private final RestClient client;
    private final String readAlias;
    private final String writeAlias;
    /** The create-index request Hibernate Search would send for this index (settings, mappings), without aliases. */
    private final JsonObject definition;
    /** The aliases' own properties in that request ({@code is_write_index}). */
    private final JsonObject aliases;

    private IndexSwitch(RestClient client, String readAlias, String writeAlias, JsonObject definition,
                        JsonObject aliases) {
        this.client = client;
        this.readAlias = readAlias;
        this.writeAlias = writeAlias;
        this.definition = definition;
        this.aliases = aliases;
    }

    /** The switch of {@code type}'s index, or {@code null} when the service's backend is not Elasticsearch. */
    static IndexSwitch of(SearchMapping mapping, Class<?> type) {
        if (!(mapping.backend() instanceof ElasticsearchBackend backend)) {
            return null;
        }
        ElasticsearchIndexDescriptor descriptor = mapping.indexedEntity(type).indexManager()
                .unwrap(ElasticsearchIndexManager.class).descriptor();
        AtomicReference<JsonObject> body = new AtomicReference<>();
        mapping.scope(type).schemaManager().exportExpectedSchema((backendName, index, export) ->
                body.set(export.extension(ElasticsearchExtension.get()).bodyParts().get(0).deepCopy()));
        JsonObject definition = body.get();
        JsonObject aliases = definition.has("aliases") ? definition.remove("aliases").getAsJsonObject()
                : new JsonObject();
        return new IndexSwitch(backend.client(RestClient.class), descriptor.readName(), descriptor.writeName(),
                definition, aliases);
    }

    /** The index searches read. */
    String readIndex() {
        return indexOf(readAlias);
    }

    /** The index Hibernate Search writes to: the read index, except while a reindex builds the next one. */
    String writeIndex() {
        return indexOf(writeAlias);
    }

    /** Creates the index that follows {@code current}, empty, with the definition Hibernate Search expects. */
    String createBeside(String current) {
        String next = SuiteIndexLayout.next(current);
        if (exists(next)) {
            delete(next);
        }
        send("PUT", "/" + next, definition);
        send("GET", "/_cluster/health/" + next + "?wait_for_status=yellow&timeout=60s", null);
        return next;
    }

    void moveWriteAlias(String from, String to) {
        move(writeAlias, from, to);
    }

    void moveReadAlias(String from, String to) {
        move(readAlias, from, to);
    }

    /** The documents of {@code index}, counted after a refresh, so every acknowledged write is counted. */
    long documents(String index) {
        send("POST", "/" + index + "/_refresh", null);
        return send("GET", "/" + index + "/_count", null).get("count").getAsLong();
    }

    void delete(String index) {
        send("DELETE", "/" + index, null);
    }

    private void move(String alias, String from, String to) {
        JsonObject remove = new JsonObject();
        remove.add("remove", properties(Map.of("index", from, "alias", alias)));
        JsonObject add = new JsonObject();
        JsonObject target = properties(Map.of("index", to, "alias", alias));
        if (aliases.has(alias)) {
            aliases.getAsJsonObject(alias).entrySet().forEach(e -> target.add(e.getKey(), e.getValue()));
        }
        add.add("add", target);
        JsonArray actions = new JsonArray();
        actions.add(remove);
        actions.add(add);
        JsonObject request = new JsonObject();
        request.add("actions", actions);
        send("POST", "/_aliases", request);
    }

    private String indexOf(String alias) {
        List<String> indexes = List.copyOf(send("GET", "/_alias/" + alias, null).keySet());
        if (indexes.size() != 1) {
            throw new IllegalStateException("alias " + alias + " names " + indexes + ", not one index");
        }
        return indexes.get(0);
    }

    private boolean exists(String index) {
        try {
            Response response = client.performRequest(ignoring404(new Request("HEAD", "/" + index)));
            return response.getStatusLine().getStatusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask the search cluster about " + index, e);
        }
    }

    private JsonObject send(String method, String endpoint, JsonObject body) {
        Request request = new Request(method, endpoint);
        if (body != null) {
            request.setJsonEntity(body.toString());
        }
        try {
            Response response = client.performRequest(request);
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            JsonElement json = text.isBlank() ? new JsonObject() : JsonParser.parseString(text);
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("search cluster: " + method + " " + endpoint + " failed", e);
        }
    }

    private static Request ignoring404(Request request) {
        request.addParameter("ignore", "404");
        return request;
    }

    private static JsonObject properties(Map<String, String> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }
}

package org.openedx.suite.cms.tagging;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.cms.content.ContentLookup;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authors' taxonomies and the tags they put on blocks. */
@Service
class Tagging {

    private final TaxonomyRepository taxonomies;
    private final ObjectTags tags;
    private final ContentLookup content;

    Tagging(TaxonomyRepository taxonomies, ObjectTags tags, ContentLookup content) {
        this.taxonomies = taxonomies;
        this.tags = tags;
        this.content = content;
    }

    @Transactional
    TaxonomyResponse create(NewTaxonomy request) {
        if (taxonomies.existsById(request.name())) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "name",
                    "taxonomy " + request.name() + " already exists");
        }
        return TaxonomyResponse.of(taxonomies.saveAndFlush(new Taxonomy(request.name(), request.values(),
                Instant.now())));
    }

    @Transactional(readOnly = true)
    List<TaxonomyResponse> list() {
        return taxonomies.findAll(org.springframework.data.domain.Sort.by("name")).stream()
                .map(TaxonomyResponse::of).toList();
    }

    @Transactional(readOnly = true)
    ObjectTagsResponse tagsOf(String usageKey) {
        requireBlock(usageKey);
        return new ObjectTagsResponse(usageKey, tags.of(usageKey));
    }

    @Transactional
    ObjectTagsResponse tag(String usageKey, NewTag request) {
        Taxonomy taxonomy = taxonomies.findById(request.taxonomy())
                .orElseThrow(() -> ApiException.badRequest("taxonomy", "no taxonomy " + request.taxonomy()));
        if (!taxonomy.allows(request.value())) {
            throw ApiException.badRequest("value", taxonomy.name().equals(Taxonomy.LANGUAGE)
                    ? "must be an ISO 639-1 language code, such as en or fr"
                    : "must be one of the taxonomy's values " + taxonomy.values());
        }
        requireBlock(usageKey);
        tags.add(usageKey, taxonomy, request.value());
        return new ObjectTagsResponse(usageKey, tags.of(usageKey));
    }

    @Transactional
    ObjectTagsResponse untag(String usageKey, String taxonomy, String value) {
        requireBlock(usageKey);
        tags.remove(usageKey, taxonomy, value);
        return new ObjectTagsResponse(usageKey, tags.of(usageKey));
    }

    private void requireBlock(String usageKey) {
        content.find(usageKey).orElseThrow(() -> ApiException.notFound("block " + usageKey + " does not exist"));
    }
}

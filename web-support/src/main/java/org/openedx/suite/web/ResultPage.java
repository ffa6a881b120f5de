package org.openedx.suite.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;

/** One page of a list; every list in the suite's REST APIs has this shape. */
@Schema(name = "Page", description = "One page of results, ordered by key")
public record ResultPage<T>(
        @Schema(description = "the results on this page") List<T> items,
        @Schema(description = "page number, from 1", example = "1") int page,
        @Schema(description = "page size asked for", example = "20") int size,
        @Schema(description = "results on all pages together") long total) {

    public static <E, T> ResultPage<T> of(Page<E> page, Function<E, T> mapping) {
        return new ResultPage<>(page.getContent().stream().map(mapping).toList(), page.getNumber() + 1,
                page.getSize(), page.getTotalElements());
    }
}

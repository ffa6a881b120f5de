package org.openedx.suite.cms.tagging;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.openedx.suite.cms.content.Tag;

/** The tags of a content object (a block's usage key, or a course key). */
@Schema(name = "ObjectTags")
record ObjectTagsResponse(String objectId, List<Tag> tags) {
}

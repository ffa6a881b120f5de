package org.openedx.suite.cms.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.cms.course.CourseLookup;
import org.openedx.suite.contracts.OpenEdxKeys;
import org.openedx.suite.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoring a course's outline. Every structural change (add, move, duplicate, delete, publish) takes the course's
 * outline lock first, so they take turns and positions among siblings stay a sequence; an edit of a block's name or
 * text locks only its row. Each change raises its content events in its own transaction.
 */
@Service
class Blocks {

    private final BlockRepository blocks;
    private final CourseLookup courses;
    private final ContentEvents events;
    private final JdbcTemplate jdbc;

    Blocks(BlockRepository blocks, CourseLookup courses, ContentEvents events, JdbcTemplate jdbc) {
        this.blocks = blocks;
        this.courses = courses;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional
    BlockResponse create(String courseKey, NewBlock request) {
        courses.languageOf(courseKey).orElseThrow(() -> ApiException.notFound("course " + courseKey
                + " does not exist"));
        BlockType type = request.type();
        checkText(type, request.text());
        lockOutline(courseKey);
        Block parent = parentFor(type, request.parentUsageKey(), courseKey, "parent_usage_key");
        Instant now = now();
        Block block = new Block(OpenEdxKeys.usageKey(courseKey, type.value(), newBlockId()), courseKey, parent, type,
                request.displayName(), request.text(), siblingsOf(parent, courseKey).size(), now);
        blocks.saveAndFlush(block);
        events.created(block);
        return BlockResponse.of(block, List.of());
    }

    @Transactional(readOnly = true)
    BlockResponse get(String usageKey) {
        Block block = find(usageKey);
        return BlockResponse.of(block, blocks.childrenOf(block));
    }

    /** The course's outline, depth first, each block before its children. */
    @Transactional(readOnly = true)
    List<BlockResponse> outline(String courseKey) {
        courses.languageOf(courseKey).orElseThrow(() -> ApiException.notFound("course " + courseKey
                + " does not exist"));
        List<BlockResponse> outline = new ArrayList<>();
        addDepthFirst(blocks.chaptersOf(courseKey), outline);
        return outline;
    }

    @Transactional
    BlockResponse update(String usageKey, BlockEdit request) {
        Block block = find(usageKey);
        checkText(block.blockType(), request.text());
        String newParent = request.parentUsageKey();
        boolean moving = newParent != null
                && !newParent.equals(block.parent() == null ? null : block.parent().usageKey());
        if (moving) {
            // a move changes two parents' children: it takes its turn with the course's other structural changes
            lockOutline(block.courseKey());
        }
        block = blocks.findForUpdate(usageKey).orElseThrow(() -> notFound(usageKey));
        Instant now = now();
        if (moving) {
            Block parent = parentFor(block.blockType(), newParent, block.courseKey(), "parent_usage_key");
            closeGap(block);
            block.moveTo(parent, siblingsOf(parent, block.courseKey()).size(), now);
        }
        block.edit(request.displayName(), request.text(), now);
        blocks.flush();
        events.updated(block);
        return BlockResponse.of(block, blocks.childrenOf(block));
    }

    /** Deletes the block and everything under it; each deleted block raises its own event. */
    @Transactional
    void delete(String usageKey) {
        Block block = find(usageKey);
        lockOutline(block.courseKey());
        List<Block> subtree = subtree(block);
        closeGap(block);
        Instant now = now();
        blocks.deleteAll(subtree.stream().map(Block::usageKey).toList());
        subtree.forEach(deleted -> events.deleted(deleted.usageKey(), deleted.blockType(), now));
    }

    /** Copies the block and everything under it, placing the copy right after the original. */
    @Transactional
    BlockResponse duplicate(String usageKey) {
        Block source = find(usageKey);
        lockOutline(source.courseKey());
        List<Block> siblings = siblingsOf(source.parent(), source.courseKey());
        for (Block later : siblings.subList(siblings.indexOf(source) + 1, siblings.size())) {
            later.shiftTo(later.position() + 1);
        }
        Block copy = copyUnder(source, source.parent(), source.position() + 1, now());
        blocks.flush();
        return BlockResponse.of(copy, blocks.childrenOf(copy));
    }

    /** Publishes the block and everything under it that changed since its last publish. */
    @Transactional
    PublishedBlocks publish(String usageKey) {
        Block block = find(usageKey);
        lockOutline(block.courseKey());
        return new PublishedBlocks(usageKey, publish(subtree(block), now()));
    }

    /** Publishes every block of the course that changed since its last publish (a course publish's reaction). */
    @Transactional
    List<String> publishOutline(String courseKey, Instant at) {
        lockOutline(courseKey);
        List<Block> outline = new ArrayList<>();
        for (Block chapter : blocks.chaptersOf(courseKey)) {
            outline.addAll(subtree(chapter));
        }
        return publish(outline, at);
    }

    private List<String> publish(List<Block> subtree, Instant at) {
        List<String> published = new ArrayList<>();
        for (Block block : subtree) {
            if (block.publish(at)) {
                events.published(block, block.publishedAt());
                published.add(block.usageKey());
            }
        }
        return published;
    }

    private Block copyUnder(Block source, @Nullable Block parent, int position, Instant now) {
        Block copy = source.copy(OpenEdxKeys.usageKey(source.courseKey(), source.blockType().value(), newBlockId()),
                parent, position, now);
        blocks.saveAndFlush(copy);
        events.duplicated(copy, source);
        List<Block> children = blocks.childrenOf(source);
        for (int i = 0; i < children.size(); i++) {
            copyUnder(children.get(i), copy, i, now);
        }
        return copy;
    }

    private void addDepthFirst(List<Block> level, List<BlockResponse> outline) {
        for (Block block : level) {
            List<Block> children = blocks.childrenOf(block);
            outline.add(BlockResponse.of(block, children));
            addDepthFirst(children, outline);
        }
    }

    /** The block and its descendants, each before its children. */
    private List<Block> subtree(Block root) {
        List<Block> all = new ArrayList<>();
        all.add(root);
        for (Block child : blocks.childrenOf(root)) {
            all.addAll(subtree(child));
        }
        return all;
    }

    /** The siblings after a block that leaves its place move up one. */
    private void closeGap(Block leaving) {
        List<Block> siblings = siblingsOf(leaving.parent(), leaving.courseKey());
        for (Block later : siblings.subList(siblings.indexOf(leaving) + 1, siblings.size())) {
            later.shiftTo(later.position() - 1);
        }
    }

    private List<Block> siblingsOf(@Nullable Block parent, String courseKey) {
        return parent == null ? blocks.chaptersOf(courseKey) : blocks.childrenOf(parent);
    }

    /** The parent a block of this type may have: none for a chapter, else a block of the kind above, same course. */
    private @Nullable Block parentFor(BlockType type, @Nullable String parentUsageKey, String courseKey, String field) {
        BlockType expected = type.parentType();
        if (expected == null) {
            if (parentUsageKey != null) {
                throw ApiException.badRequest(field, "a chapter sits directly under the course: leave it out");
            }
            return null;
        }
        if (parentUsageKey == null) {
            throw ApiException.badRequest(field, "a " + type.value() + " goes under a " + expected.value());
        }
        Block parent = blocks.findById(parentUsageKey).filter(found -> found.courseKey().equals(courseKey))
                .orElseThrow(() -> ApiException.badRequest(field, "no block " + parentUsageKey
                        + " in course " + courseKey));
        if (parent.blockType() != expected) {
            throw ApiException.badRequest(field, "a " + type.value() + " goes under a " + expected.value()
                    + ", not a " + parent.blockType().value());
        }
        return parent;
    }

    private static void checkText(BlockType type, @Nullable String text) {
        if (text != null && !type.hasText()) {
            throw ApiException.badRequest("text", "only problem, html and video blocks have text");
        }
    }

    private Block find(String usageKey) {
        return blocks.findById(usageKey).orElseThrow(() -> notFound(usageKey));
    }

    /** Structural changes of one course take turns, on every instance (a transaction-scoped advisory lock). */
    private void lockOutline(String courseKey) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "outline:" + courseKey);
    }

    private static String newBlockId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException notFound(String usageKey) {
        return ApiException.notFound("block " + usageKey + " does not exist");
    }
}

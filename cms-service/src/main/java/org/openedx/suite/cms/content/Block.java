package org.openedx.suite.cms.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.jspecify.annotations.Nullable;

/**
 * A block of a course outline, and the search document it is indexed as: its display name and text, the display
 * names of its ancestors (breadcrumbs) and its tags. The index is written by the search's reactions to content
 * events, not on every flush, so the document of a block whose ancestor was renamed is rewritten too.
 */
@Entity
@Table(name = "block")
@Indexed(index = "block")
public class Block implements org.springframework.data.domain.Persistable<String> {

    @Id
    private String usageKey;
    @KeywordField
    private String courseKey;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_usage_key")
    private @Nullable Block parent;
    @Convert(converter = BlockType.Column.class)
    @KeywordField(projectable = Projectable.YES)
    private BlockType blockType;
    @FullTextField(projectable = Projectable.YES, highlightable = Highlightable.ANY)
    private String displayName;
    @FullTextField(highlightable = Highlightable.ANY)
    private @Nullable String text;
    private int position;
    private Instant createdAt;
    private Instant editedAt;
    private @Nullable Instant publishedAt;
    /** Written by tagging (object_tag); read here for the response and the search document. */
    @ElementCollection(fetch = FetchType.LAZY)
    @Immutable
    @CollectionTable(name = "object_tag", joinColumns = @JoinColumn(name = "object_id"))
    private Set<Tag> tags = new LinkedHashSet<>();
    // the key is assigned, not generated: without this, saving a new block would first look for it (merge)
    @jakarta.persistence.Transient
    private boolean isNew;

    protected Block() {
    }

    Block(String usageKey, String courseKey, @Nullable Block parent, BlockType blockType, String displayName,
          @Nullable String text, int position, Instant now) {
        this.usageKey = usageKey;
        this.courseKey = courseKey;
        this.parent = parent;
        this.blockType = blockType;
        this.displayName = displayName;
        this.text = text;
        this.position = position;
        this.createdAt = now;
        this.editedAt = now;
        this.isNew = true;
    }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void markStored() {
        isNew = false;
    }

    @Override
    public String getId() {
        return usageKey;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** A copy of this block (not its children) under {@code parent}, at {@code position}. */
    Block copy(String newUsageKey, @Nullable Block parent, int position, Instant now) {
        return new Block(newUsageKey, courseKey, parent, blockType, displayName, text, position, now);
    }

    void edit(String displayName, @Nullable String text, Instant now) {
        this.displayName = displayName;
        this.text = text;
        touch(now);
    }

    void moveTo(@Nullable Block parent, int position, Instant now) {
        this.parent = parent;
        this.position = position;
        touch(now);
    }

    void shiftTo(int position) {
        this.position = position;
    }

    /** Whether a publish has something new to announce; marks the block published if so. */
    boolean publish(Instant now) {
        if (publishedAt != null && !editedAt.isAfter(publishedAt)) {
            return false;
        }
        publishedAt = now.isAfter(editedAt) ? now : editedAt;
        return true;
    }

    /** The edit time never goes backwards, even if the clock does: it is the time of the block's events. */
    private void touch(Instant now) {
        editedAt = now.isAfter(editedAt) ? now : editedAt.plus(1, ChronoUnit.MICROS);
    }

    /** The display names of the block's ancestors, the chapter first. */
    @FullTextField(projectable = Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public List<String> getBreadcrumbs() {
        List<String> names = new ArrayList<>();
        // through the accessors: an ancestor may be a lazy proxy, whose fields are not loaded
        for (Block ancestor = parent; ancestor != null; ancestor = ancestor.parent()) {
            names.add(0, ancestor.displayName());
        }
        return names;
    }

    /** The block's tags as {@code Taxonomy:value}, to filter and count by. */
    @KeywordField(name = "tags", aggregable = Aggregable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public List<String> getTagKeys() {
        return tags.stream().map(Tag::key).sorted().toList();
    }

    public String usageKey() {
        return usageKey;
    }

    public String courseKey() {
        return courseKey;
    }

    public @Nullable Block parent() {
        return parent;
    }

    public BlockType blockType() {
        return blockType;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable String text() {
        return text;
    }

    int position() {
        return position;
    }

    Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    @Nullable Instant publishedAt() {
        return publishedAt;
    }

    public Set<Tag> tags() {
        return tags;
    }
}

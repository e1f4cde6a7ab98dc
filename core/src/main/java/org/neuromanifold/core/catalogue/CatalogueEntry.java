package org.neuromanifold.core.catalogue;

import java.util.Objects;

/**
 * One theorem of the catalogue: its command-line id, a title, the section it belongs to and the seed
 * it comes from. The exact statements are in {@link CatalogueIdentities} (where they can be written as
 * {@link org.neuromanifold.core.expr.Identity} values) and in the derivers of the symbolic module.
 */
public record CatalogueEntry(String id, String title, String section, String source) {
    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(source, "source");
    }
}

package dev.newswire.enrich.pipeline.entities;

import edu.stanford.nlp.util.Index;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The CRF's feature index (feature string to weight row) with its lookups through a
 * {@link FingerprintTable}: per token the CRF looks up ~60 freshly built feature strings in a
 * 143,284-entry index, and {@code HashIndex.indexOf}'s cache misses were ~30 % of CRF time (JFR).
 * Everything but {@link #indexOf} is the original index's, which stays in memory for
 * {@link #get}; the table adds 4 MB.
 */
final class FeatureFingerprints implements Index<String> {

    private static final long serialVersionUID = 1L;

    private final Index<String> original;
    private final FingerprintTable table;

    private FeatureFingerprints(Index<String> original, FingerprintTable table) {
        this.original = original;
        this.table = table;
    }

    /** The fingerprint index of {@code original}, or null if two of its features share a fingerprint. */
    static FeatureFingerprints of(Index<String> original) {
        FingerprintTable table = FingerprintTable.of(original.objectsList());
        return table == null ? null : new FeatureFingerprints(original, table);
    }

    @Override
    public int indexOf(String o) {
        return table.row(o);
    }

    @Override
    public int indexOf(String o, boolean add) {
        if (add) {
            throw new UnsupportedOperationException("the CRF's feature index is read-only");
        }
        return indexOf(o);
    }

    @Override
    public int addToIndex(String o) {
        throw new UnsupportedOperationException("the CRF's feature index is read-only");
    }

    @Override
    public int size() {
        return original.size();
    }

    @Override
    public String get(int i) {
        return original.get(i);
    }

    @Override
    public List<String> objectsList() {
        return original.objectsList();
    }

    @Override
    public Collection<String> objects(int[] indices) {
        return original.objects(indices);
    }

    @Override
    public boolean isLocked() {
        return true;
    }

    @Override
    public void lock() {
    }

    @Override
    public void unlock() {
        throw new UnsupportedOperationException("the CRF's feature index is read-only");
    }

    @Override
    public void saveToWriter(Writer out) throws IOException {
        original.saveToWriter(out);
    }

    @Override
    public void saveToFilename(String s) {
        original.saveToFilename(s);
    }

    @Override
    public Iterator<String> iterator() {
        return original.iterator();
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && indexOf(s) >= 0;
    }

    @Override
    public boolean addAll(Collection<? extends String> c) {
        throw new UnsupportedOperationException("the CRF's feature index is read-only");
    }

    @Override
    public boolean add(String s) {
        throw new UnsupportedOperationException("the CRF's feature index is read-only");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("the CRF's feature index is read-only");
    }

    @Override
    public String toString() {
        return "FeatureFingerprints(" + original.size() + " features)";
    }
}

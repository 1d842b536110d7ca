package io.quantlake.lake;

/**
 * What one MERGE of a batch into a table did, in rows of the batch: {@code inserted} (new key),
 * {@code updated} (key present with different values) and {@code unchanged} (key present with
 * equal values; nothing written).
 */
public record MergeCounts(long inserted, long updated, long unchanged) {
    /** Nothing merged. */
    public static final MergeCounts NONE = new MergeCounts(0, 0, 0);

    public MergeCounts {
        if (inserted < 0 || updated < 0 || unchanged < 0) {
            throw new IllegalArgumentException("merge counts must be >= 0, got inserted=" + inserted
                    + " updated=" + updated + " unchanged=" + unchanged);
        }
    }

    /** Rows of the batch: inserted + updated + unchanged. */
    public long total() {
        return inserted + updated + unchanged;
    }

    /** The sum of two counts. */
    public MergeCounts plus(MergeCounts o) {
        return new MergeCounts(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
    }
}

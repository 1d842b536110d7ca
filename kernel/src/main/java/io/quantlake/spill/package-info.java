/**
 * Scratch files for what a long run has finished with ({@link io.quantlake.spill.SpillFile}): a run in time blocks
 * writes its equity rows, full ledger blocks and full chunks of recorded targets there as each block completes and
 * reads them back in bounded chunks, so its heap does not grow with the bars. Depends on nothing else in QuantLake.
 */
package io.quantlake.spill;

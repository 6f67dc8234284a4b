/**
 * Crash-safe append-only journals of whole records (CRC-32 per line, fsync before return, recovery of every intact
 * record, compaction by atomic move, an exclusive lock file), shared by the SDK's file stores. Implementation
 * details of {@code vn.egov.sdk.core}: not part of the SDK's API and may change in any release.
 */
package vn.egov.sdk.core.internal.journal;

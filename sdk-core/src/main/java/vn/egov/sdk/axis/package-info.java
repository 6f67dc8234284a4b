/**
 * Clients of the document axes: the national axis ({@link vn.egov.sdk.axis.VdxpAxisClient}) and a provincial LGSP
 * ({@link vn.egov.sdk.axis.LgspAxisClient}) behind one {@link vn.egov.sdk.axis.DocumentAxisClient} interface (send,
 * list, fetch, acknowledge, status), and the {@link vn.egov.sdk.axis.ReceiveLoop} that polls, verifies, hands each
 * package to the vendor's handler and remembers what it has done in a {@link vn.egov.sdk.axis.CheckpointStore}.
 */
package vn.egov.sdk.axis;

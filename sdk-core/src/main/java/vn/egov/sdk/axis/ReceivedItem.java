package vn.egov.sdk.axis;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the list of packages waiting for this system ({@code getReceivedEdocList}).
 *
 * @param docId the axis' id, used to fetch and acknowledge it
 * @param messageType document or status
 * @param from the sender's organ id
 * @param to the receiver's organ id(s) as the axis gives them
 * @param status the axis' transport status of the package
 * @param statusDescription its description
 * @param created when the axis received it, if given
 */
public record ReceivedItem(String docId, MessageType messageType, String from, String to, String status,
        String statusDescription, Optional<Instant> created) {
}

package vn.egov.sdk.axis;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the list of packages this system sent, with its delivery state ({@code getSentEdocList}).
 *
 * @param docId the axis' id of the sent package
 * @param messageType document or status
 * @param from sender organ id
 * @param to receiver organ id
 * @param title trích yếu, if the axis gives it
 * @param sendStatus the axis' send status
 * @param receiveStatus the receiver's transport status ({@code processing}/{@code done}/{@code fail} or empty)
 * @param sentTime when it was sent
 * @param receivedTime when the receiver fetched it, if it did
 */
public record SentItem(String docId, MessageType messageType, String from, String to, String title,
        String sendStatus, String receiveStatus, Optional<Instant> sentTime, Optional<Instant> receivedTime) {
}

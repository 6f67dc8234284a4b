package vn.egov.sdk.axis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link ReceiveCoordinator#singleNode()}: one node, which leads and gets everything it listed. */
final class SingleNodeCoordinator implements ReceiveCoordinator {
    private final List<ReceivedItem> offered = new ArrayList<>();
    private MessageType offeredType;

    @Override
    public boolean tryLead() {
        return true;
    }

    @Override
    public synchronized void offer(MessageType type, List<ReceivedItem> listed) {
        offered.clear();
        offered.addAll(listed);
        offeredType = type;
    }

    @Override
    public synchronized List<ReceivedItem> claim(MessageType type, int max) {
        if (!Objects.equals(type, offeredType) || offered.isEmpty()) {
            return List.of();
        }
        List<ReceivedItem> all = new ArrayList<>(offered);
        offered.clear();
        return all;
    }

    @Override
    public void heartbeat() {
    }

    @Override
    public void release(String docId, boolean finished) {
    }
}

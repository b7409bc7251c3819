package io.fieldbench.files.internal;

import java.nio.file.Path;
import java.util.List;

import io.fieldbench.server.support.ServerControl.State;

/**
 * The file service at one moment, for the console and the view.
 *
 * @param state      what it does now
 * @param endpoint   where it listens ({@code host:port}) when running, else where it is set to listen
 * @param problem    why it is not running when it should, in one line; empty when there is none
 * @param transport  how its sockets are served: epoll or NIO, and why not epoll
 * @param folder     the shared folder
 * @param inProgress the transfers under way
 * @param served     files sent whole since the service was activated
 * @param failed     transfers cut short (client gone, service stopped)
 * @param refused    requests refused
 * @param bytesSent  bytes of ended transfers
 */
public record FilesStatus(State state, String endpoint, String problem, String transport, Path folder, List<Transfer> inProgress, long served,
        long failed, long refused, long bytesSent) {

    public FilesStatus {
        inProgress = List.copyOf(inProgress);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}

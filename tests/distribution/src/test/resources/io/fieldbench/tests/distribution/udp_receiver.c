/*
 * The UDP benchmark's native baseline: the least a program does with datagrams. One socket on
 * 127.0.0.1 with the receive buffer asked for (argv[1], bytes; past net.core.rmem_max where
 * CAP_NET_ADMIN allows, as the bench asks for its own), read by recvmmsg into whole-datagram
 * slots; counts and drops. Prints "port N" once bound, then the count each time it changed, at
 * most every 10 ms. Ends when its standard input closes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define SLOT 65535
#define REPORT_NANOS 10000000L

static char slots[BATCH][SLOT];

static long now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv) {
    int buffer = argc > 1 ? atoi(argv[1]) : 8 * 1024 * 1024;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = 0 };
    socklen_t length = sizeof address;
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (fd < 0 || (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer) < 0
                && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer) < 0)
            || bind(fd, (struct sockaddr *) &address, sizeof address) < 0
            || getsockname(fd, (struct sockaddr *) &address, &length) < 0) {
        perror("udp_receiver");
        return 1;
    }
    printf("port %d\n", ntohs(address.sin_port));
    fflush(stdout);

    struct mmsghdr messages[BATCH];
    struct iovec vectors[BATCH];
    memset(messages, 0, sizeof messages);
    for (int i = 0; i < BATCH; i++) {
        vectors[i].iov_base = slots[i];
        vectors[i].iov_len = SLOT;
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    struct pollfd watched[2] = { { .fd = fd, .events = POLLIN }, { .fd = STDIN_FILENO, .events = POLLIN } };
    long count = 0, reported = 0, reportedAt = 0;
    for (;;) {
        if (poll(watched, 2, 10) < 0) {
            perror("udp_receiver");
            return 1;
        }
        if (watched[1].revents) {
            return 0; /* the benchmark closed our input: done */
        }
        int received;
        while ((received = recvmmsg(fd, messages, BATCH, 0, NULL)) > 0) {
            count += received;
        }
        long now = now_nanos();
        if (count != reported && now - reportedAt >= REPORT_NANOS) {
            printf("%ld\n", count);
            fflush(stdout);
            reported = count;
            reportedAt = now;
        }
    }
}

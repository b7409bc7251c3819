# The heartbeat client of the UDP echo-and-heartbeat tutorial: send the word "heartbeat" now and
# then (the tutorial: every second, forever; here: the count and pause given) and expect nothing.
import socket
import sys
import time

host, port, count, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(count):
    client.sendto(b"heartbeat", (host, port))
    time.sleep(pause)
client.close()
print("sent", count)

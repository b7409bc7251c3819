# The device side of the PyQt UDP telemetry tutorial: send a datagram, wait for the server's
# answer ("Received:" and the datagram's own bytes), print it as hex. Unchanged but for the
# address, which the test gives, and the bytes, which include binary ones.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(10)
for payload in (b"temp=21.5", bytes([0xFF, 0x00, 0x80, 0x41])):
    client.sendto(payload, (host, port))
    data, server = client.recvfrom(1024)
    print(data.hex())
client.close()

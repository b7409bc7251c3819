# The client of the UDP echo tutorial: send bare names, print each answer of the server.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(10)
for name in (b"Michael", b"Tracy"):
    client.sendto(name, (host, port))
    print(client.recv(1024).decode("utf-8"))
client.close()

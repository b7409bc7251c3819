# The client of the TCP server tutorial with a client picker: connect, wait for the server's
# greeting, print it, then say something and leave.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.settimeout(10)
client.connect((host, port))
print(client.recv(1024).decode("utf-8"))
client.send("hello from python".encode("utf-8"))
client.close()

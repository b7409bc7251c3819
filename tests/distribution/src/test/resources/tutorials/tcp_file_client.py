# The client of the TCP file download tutorial: connect first, then ask the person for a file
# name (here: the name given, after the seconds given, as a slow typist), send it without a
# newline, and save everything the server sends until it closes. Prints the size and SHA-256.
import hashlib
import socket
import sys
import time

host, port, name, typing_seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((host, port))
time.sleep(typing_seconds)  # input("file name: ")
client.send(name.encode("utf-8"))
data = b""
while True:
    chunk = client.recv(4096)
    if not chunk:
        break
    data += chunk
client.close()
print(len(data), hashlib.sha256(data).hexdigest())

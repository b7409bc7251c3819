# The phone side of the WebSocket image transfer tutorial: connect to ws://HOST:PORT, send an image
# as one binary message of its raw bytes, then take the next message as image bytes and save it.
import asyncio
import sys

import websockets


async def main(uri, image, saved):
    async with websockets.connect(uri, max_size=None) as server:
        with open(image, "rb") as file:
            await server.send(file.read())
        print("sent")
        sys.stdout.flush()
        message = await asyncio.wait_for(server.recv(), 30)
        if isinstance(message, str):
            print("text", message)
            return
        with open(saved, "wb") as file:
            file.write(message)
        print("bytes", len(message))


asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))

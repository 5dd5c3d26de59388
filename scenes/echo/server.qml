// The echo server of the WebSockets demos, written in QML: it serves
// echo.qml and the chat client like server/ does. It greets every client
// with "Welcome to Awesome Chat" and echoes text as text and binary as
// binary.
//
//   qml server.qml            listens on ws://127.0.0.1:3000
//   qml server.qml -- PORT    on another port (0: any free one)
//
// The root is an Item because Qt's qml tool exits at once when a scene has
// nothing to show.
import QtQuick
import QtWebSockets

Item {
    WebSocketServer {
        id: server
        port: {
            var args = Qt.application.arguments
            var i = args.indexOf("--")
            return i >= 0 && i + 1 < args.length ? parseInt(args[i + 1], 10) : 3000
        }
        listen: true
        onClientConnected: function (webSocket) {
            console.log("client connected")
            webSocket.textMessageReceived.connect(function (message) {
                console.log("Message: " + message)
                webSocket.sendTextMessage(message)
            })
            webSocket.binaryMessageReceived.connect(function (message) {
                console.log("Message: <binary " + message.byteLength + " bytes>")
                webSocket.sendBinaryMessage(message)
            })
            webSocket.sendTextMessage("Welcome to Awesome Chat")
        }
    }

    Component.onCompleted: {
        if (server.errorString !== "") {
            console.error("echo server: " + server.errorString)
            Qt.exit(1)
        } else {
            console.log("listening on port " + server.port)
        }
    }
}

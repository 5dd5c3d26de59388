import QtQuick
import QtWebSockets
import "../scenes/chat"
// Bench B3: send N text messages to the echo server at ws://localhost:3000
// and append every echo to the book's ChatView; timed inside QML from the
// first send to the last echo.
Rectangle {
    id: root
    width: 360; height: 360; color: '#000'
    property int count: 10000
    property int received: 0
    property real t0: 0
    ChatView { id: box; anchors.fill: parent }
    WebSocket {
        id: socket
        url: "ws://localhost:3000"
        active: true
        onTextMessageReceived: function (message) {
            if (message === 'Welcome to Awesome Chat') return
            box.append('<', message)
            root.received++
            if (root.received === root.count)
                console.log('BENCH echo count=' + root.count + ' total_ms=' + (Date.now() - root.t0) + ' rows=' + box.count)
        }
        onStatusChanged: {
            if (socket.status == WebSocket.Open) {
                root.t0 = Date.now()
                for (var i = 0; i < root.count; i++)
                    socket.sendTextMessage('message number ' + i)
            } else if (socket.status == WebSocket.Error) {
                console.log('BENCH echo error ' + socket.errorString)
            }
        }
    }
}

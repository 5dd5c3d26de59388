import QtQuick
import "../scenes/chat"
// Bench B1: append N rows to the book's ChatView, timed inside QML.
// N comes from the root property `count`, overridable by the runner.
Rectangle {
    id: root
    width: 360
    height: 360
    color: '#000'
    property int count: 10000
    ChatView { id: box; anchors.fill: parent }
    Component.onCompleted: {
        var t0 = Date.now()
        for (var i = 0; i < root.count; i++)
            box.append('<', 'message number ' + i)
        var t1 = Date.now()
        box.positionViewAtEnd()
        var t2 = Date.now()
        console.log('BENCH append count=' + root.count + ' append_ms=' + (t1 - t0) + ' position_ms=' + (t2 - t1) + ' rows=' + box.count)
    }
}

import QtQuick
import "../scenes/chat"
// Bench B5: a ChatView of N rows for the runner to scroll from top to bottom
// (npm run bench moves the view's contentY in 1,000 steps, one frame each).
Rectangle {
    id: root
    width: 360
    height: 360
    color: '#000'
    property int count: 1000000
    ChatView { id: box; anchors.fill: parent }
    Component.onCompleted: {
        for (var i = 0; i < root.count; i++)
            box.append('<', 'message number ' + i)
        console.log('BENCH scroll count=' + root.count + ' rows=' + box.count)
    }
}

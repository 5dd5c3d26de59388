import QtQuick
// Bench B4: a 24-column grid of 2400 cells whose geometry is bound to the
// root size; resize the root 200 times and time the relayout inside QML.
Rectangle {
    id: root
    width: 360; height: 360; color: '#000'
    property real cw: width / 24
    property real ch: height / 100
    ListView {
        id: rows
        anchors.fill: parent
        interactive: false
        model: 100
        delegate: Row {
            width: root.width
            height: root.ch
            property int r: index
            ListView {
                width: parent.width
                height: parent.height
                orientation: ListView.Horizontal
                interactive: false
                model: 24
                delegate: Rectangle {
                    width: root.cw
                    height: root.ch
                    color: (index + r) % 2 ? '#fff' : '#000'
                    border.width: width > 10 ? 1 : 0
                }
            }
        }
    }
    Component.onCompleted: {
        var t0 = Date.now()
        for (var i = 0; i < 200; i++) {
            root.width = 360 + (i % 50)
            root.height = 360 + (i % 30)
        }
        console.log('BENCH bindings resizes=200 total_ms=' + (Date.now() - t0))
    }
}

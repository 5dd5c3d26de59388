declare module 'virtual:quickweb-scenes' {
  /** Paths of the .qml (and .js) files under scenes/, from the site root: `/scenes/chat/ws_client.qml`. */
  export const sceneFiles: string[];
}

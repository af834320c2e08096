import { createRoot } from "react-dom/client";
import { WebApp } from "./web-app.tsx";

/** Entry of the web page `/nop` (no office.js: it runs in any current browser). */
const element = document.getElementById("root");
if (element) createRoot(element).render(<WebApp origin={window.location.origin} />);

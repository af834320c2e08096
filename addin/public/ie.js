/*
 * Fallback for Office 2016's task pane (Internet Explorer 11), which ignores the pane's ES module
 * bundle and runs this `nomodule` script instead. ES5 only (no let/const, arrows, template
 * literals, classes). Replaces the page with an explanation and the alternatives.
 */
(function () {
  "use strict";

  var TEXT = {
    title: "Phiên bản Excel này chưa chạy được ứng dụng Nông thôn mới",
    lead: "Excel trên máy này hiển thị ứng dụng bằng trình duyệt cũ (Internet Explorer), không đủ để chạy ứng dụng. Bảng tính của anh/chị không bị ảnh hưởng.",
    altTitle: "Anh/chị có thể:",
    alts: [
      "Dùng Excel mới hơn (Microsoft 365, Excel 2021 hoặc Excel 2019 đã cập nhật) hoặc Excel trên web (office.com), rồi mở lại ứng dụng Nông thôn mới.",
      'Dùng công cụ dòng lệnh ntm (do Văn phòng điều phối cung cấp): "ntm template" tạo biểu mẫu, "ntm validate" kiểm tra, "ntm submit" gửi tệp Excel.',
      "Điền biểu mẫu chuẩn rồi gửi tệp Excel qua thư điện tử cho Văn phòng điều phối; văn phòng sẽ kiểm tra và gửi thay."
    ],
    en: "This Excel version shows add-ins with Internet Explorer, which cannot run the New Rural Development add-in. Use a newer Excel (Microsoft 365, Excel 2021) or Excel on the web, the ntm command line (template / validate / submit), or e-mail the workbook to the coordination office."
  };

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (style) e.style.cssText = style;
    return e;
  }

  function render() {
    var root = document.getElementById("root") || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el("div", null, "padding:16px;font-family:'Segoe UI',Tahoma,Arial,sans-serif;font-size:15px;line-height:1.5;color:#242424");
    box.setAttribute("id", "ie-fallback");
    box.setAttribute("role", "alert");
    box.appendChild(el("h1", TEXT.title, "font-size:20px;margin:0 0 12px 0;color:#a4262c"));
    box.appendChild(el("p", TEXT.lead, "margin:0 0 12px 0"));
    box.appendChild(el("p", TEXT.altTitle, "margin:0 0 6px 0;font-weight:bold"));
    var list = el("ol", null, "margin:0 0 16px 0;padding-left:22px");
    for (var i = 0; i < TEXT.alts.length; i++) list.appendChild(el("li", TEXT.alts[i], "margin-bottom:6px"));
    box.appendChild(list);
    box.appendChild(el("p", TEXT.en, "margin:0;color:#616161;font-size:13px"));
    root.appendChild(box);
    document.title = "Nông thôn mới";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render, false);
  } else {
    render();
  }
})();

-- Default reference data of docs/domain.md: the 11 districts of Lạng Sơn and the NTM-1 criteria set
-- (Bộ tiêu chí quốc gia về xã NTM giai đoạn 2016-2020). Reference data is data: later migrations
-- (or an editing API) change it, not code.
INSERT INTO districts (code, name, border, sort) VALUES
  ('178', 'Thành phố Lạng Sơn', 0, 1),
  ('180', 'Huyện Tràng Định', 1, 2),
  ('181', 'Huyện Bình Gia', 0, 3),
  ('182', 'Huyện Văn Lãng', 1, 4),
  ('183', 'Huyện Cao Lộc', 1, 5),
  ('184', 'Huyện Văn Quan', 0, 6),
  ('185', 'Huyện Bắc Sơn', 0, 7),
  ('186', 'Huyện Hữu Lũng', 0, 8),
  ('187', 'Huyện Chi Lăng', 0, 9),
  ('188', 'Huyện Lộc Bình', 1, 10),
  ('189', 'Huyện Đình Lập', 1, 11);

INSERT INTO criteria_sets (template_version, period) VALUES ('NTM-1', '2016-2020');

INSERT INTO criteria (template_version, number, name, name_en) VALUES
  ('NTM-1', 1, 'Quy hoạch', 'Planning'),
  ('NTM-1', 2, 'Giao thông', 'Transport'),
  ('NTM-1', 3, 'Thủy lợi', 'Irrigation'),
  ('NTM-1', 4, 'Điện', 'Electricity'),
  ('NTM-1', 5, 'Trường học', 'Schools'),
  ('NTM-1', 6, 'Cơ sở vật chất văn hóa', 'Cultural facilities'),
  ('NTM-1', 7, 'Cơ sở hạ tầng thương mại nông thôn', 'Rural commercial infrastructure'),
  ('NTM-1', 8, 'Thông tin và Truyền thông', 'Information and communications'),
  ('NTM-1', 9, 'Nhà ở dân cư', 'Housing'),
  ('NTM-1', 10, 'Thu nhập', 'Income'),
  ('NTM-1', 11, 'Hộ nghèo', 'Poor households'),
  ('NTM-1', 12, 'Lao động có việc làm', 'Employment'),
  ('NTM-1', 13, 'Tổ chức sản xuất', 'Organisation of production'),
  ('NTM-1', 14, 'Giáo dục và Đào tạo', 'Education and training'),
  ('NTM-1', 15, 'Y tế', 'Health'),
  ('NTM-1', 16, 'Văn hóa', 'Culture'),
  ('NTM-1', 17, 'Môi trường và an toàn thực phẩm', 'Environment and food safety'),
  ('NTM-1', 18, 'Hệ thống chính trị và tiếp cận pháp luật', 'Political system and access to law'),
  ('NTM-1', 19, 'Quốc phòng và An ninh', 'Defence and security');

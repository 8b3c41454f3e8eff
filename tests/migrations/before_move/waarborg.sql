BEGIN TRANSACTION;
CREATE TABLE "accounts_apitoken" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key_hash" varchar(64) NOT NULL UNIQUE, "prefix" varchar(8) NOT NULL, "name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "last_used_at" datetime NULL, "revoked_at" datetime NULL, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
INSERT INTO "accounts_apitoken" VALUES(1,'237f8845a2b57757fb20481e78173b994788dc00af53ae755267aceeeaa71ecc','yYozSA1R','cli','2026-12-03 11:52:21.221839','2026-12-03 11:52:22.656318',NULL,2);
CREATE TABLE "accounts_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "kind" varchar(10) NOT NULL, "roles" text NOT NULL CHECK ((JSON_VALID("roles") OR "roles" IS NULL)), "team" varchar(64) NOT NULL, "confidentiality_signed_at" datetime NULL, "subject_id" char(32) NULL UNIQUE REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
INSERT INTO "accounts_user" VALUES(1,'argon2$argon2id$v=19$m=102400,t=2,p=8$dVpKa0NWcjZhR3NBMmgzTjBHVHRqeA$EQ82LWZfzxkefcPkNA7+XCwkl/mTUs9BK+S7RfopJAg',NULL,1,'admin','','','',1,1,'2026-12-03 11:52:17.817745','staff','["privacy_officer"]','','2026-12-03 11:52:17.817668',NULL);
INSERT INTO "accounts_user" VALUES(2,'argon2$argon2id$v=19$m=102400,t=2,p=8$MUlxaG1DeklKclZ4a0xxS2dlUFBmWA$U+3EkXUb/hBEeqsuyFCyk4sA3nZ6lpXJ1a6/NV5t5pg',NULL,0,'anna','','','',1,1,'2026-12-03 11:52:20.721015','staff','["assessor"]','','2026-12-03 11:52:20.720915',NULL);
CREATE TABLE "accounts_user_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "accounts_user_user_permissions" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "audit_auditentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "at" datetime NOT NULL, "actor_id" bigint NULL, "actor" varchar(150) NOT NULL, "actor_kind" varchar(16) NOT NULL, "actor_roles" varchar(200) NOT NULL, "action" varchar(40) NOT NULL, "purpose" varchar(64) NOT NULL, "policy_version" integer unsigned NULL CHECK ("policy_version" >= 0), "subject_pseudonym" varchar(64) NOT NULL, "record_id" varchar(64) NOT NULL, "outcome" varchar(16) NOT NULL, "reason" varchar(64) NOT NULL, "detail" text NOT NULL CHECK ((JSON_VALID("detail") OR "detail" IS NULL)), "sealed" BLOB NULL, "trace_id" varchar(32) NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL UNIQUE, "subjects" text NULL CHECK ((JSON_VALID("subjects") OR "subjects" IS NULL)));
INSERT INTO "audit_auditentry" VALUES(1,'2026-12-03 11:52:17.691093',NULL,'system:cli','system','','policy.activate','',1,'','','ok','','{"version": 1, "sha256": "ee344a9b42586ab951edf4fcd3601d63c3a0bdf50d1b0a08fb5933945e4e5912", "statement_version": "1.0"}',NULL,'','','8bb24e1f568d499affbc45ece2d9a5f17f7aaf5006cb9cc45c754caac7e185d4',NULL);
INSERT INTO "audit_auditentry" VALUES(2,'2026-12-03 11:52:18.343507',NULL,'system:serve','system','','staff.create','',1,'','','ok','','{"user_id": 1, "roles": ["privacy_officer"], "first_admin": true}',NULL,'','','16c6552687a94f8eb7607fbc5da563b6c925919b46f6787cc8dcb7ff78242de3',NULL);
INSERT INTO "audit_auditentry" VALUES(3,'2026-12-03 11:52:21.249802',NULL,'system:cli','system','','staff.create','',1,'','','ok','','{"user_id": 2, "roles": ["assessor"], "kind": "staff", "token": true}',NULL,'','','90d4532fd732eb630e2014eb44403c74606f032bdbbaf222d4e77c10a4d62260',NULL);
INSERT INTO "audit_auditentry" VALUES(4,'2026-12-03 11:52:22.618367',2,'anna','staff','assessor','subject.create','',1,'867d94433cfe77555fd0ad96fe350ed0','','ok','','{"fields": ["birth_date"]}',NULL,'','','288c89038728dc570fb8613791beab481ec13d0c0baae4c1f98e58e59ca34276',NULL);
INSERT INTO "audit_auditentry" VALUES(5,'2026-12-03 11:52:22.689411',2,'anna','staff','assessor','record.create','eligibility',1,'867d94433cfe77555fd0ad96fe350ed0','473e9e09-224e-4394-9fb0-12d5525fbcf7','ok','','{"type": "application", "fields": ["address", "birth_date", "care_recipient_address", "edition", "name", "phone"], "source": "subject", "channel": ""}',NULL,'','','c0cab392fbebebdba8fad3d2e90f15d6423be2d4ec6cdbbb793586a0f34268ce',NULL);
INSERT INTO "audit_auditentry" VALUES(6,'2026-12-03 11:52:25.021305',NULL,'system:cli','system','','audit.checkpoint','',1,'','','ok','','{"sequence": 1, "last_entry": 5, "entries": 5, "head": "59e1c3cfcfd0f4b83e8829390594aa0b76a51f576b0b3b798daf0854a5ae343e"}',NULL,'','','ffdf93ecebac1b9aae3edadfe6a617a764cd1309f95bdb8802c306cdbbf2db51',NULL);
CREATE TABLE "audit_auditseal" ("sequence" bigint unsigned NOT NULL PRIMARY KEY CHECK ("sequence" >= 0), "after" bigint NOT NULL, "last_entry" bigint NOT NULL, "gaps" text NOT NULL CHECK ((JSON_VALID("gaps") OR "gaps" IS NULL)), "entries" bigint NOT NULL, "head" varchar(64) NOT NULL, "at" datetime NOT NULL, "legacy" bool NOT NULL, "signature" varchar(100) NOT NULL);
INSERT INTO "audit_auditseal" VALUES(1,0,5,'[]',5,'59e1c3cfcfd0f4b83e8829390594aa0b76a51f576b0b3b798daf0854a5ae343e','2026-12-03 11:52:25.013530',0,'X/u4P2W5JT2m8StphDJHPdntN8OskgGi8U8EDYlRQcIftA8VWws4QdhJXvXHotxvoVwjG47vNyT4f9VtirCzDw==');
CREATE TABLE "auth_group" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE);
CREATE TABLE "auth_group_permissions" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "auth_permission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "codename" varchar(100) NOT NULL, "name" varchar(255) NOT NULL);
INSERT INTO "auth_permission" VALUES(1,1,'add_logentry','Can add log entry');
INSERT INTO "auth_permission" VALUES(2,1,'change_logentry','Can change log entry');
INSERT INTO "auth_permission" VALUES(3,1,'delete_logentry','Can delete log entry');
INSERT INTO "auth_permission" VALUES(4,1,'view_logentry','Can view log entry');
INSERT INTO "auth_permission" VALUES(5,2,'add_permission','Can add permission');
INSERT INTO "auth_permission" VALUES(6,2,'change_permission','Can change permission');
INSERT INTO "auth_permission" VALUES(7,2,'delete_permission','Can delete permission');
INSERT INTO "auth_permission" VALUES(8,2,'view_permission','Can view permission');
INSERT INTO "auth_permission" VALUES(9,3,'add_group','Can add group');
INSERT INTO "auth_permission" VALUES(10,3,'change_group','Can change group');
INSERT INTO "auth_permission" VALUES(11,3,'delete_group','Can delete group');
INSERT INTO "auth_permission" VALUES(12,3,'view_group','Can view group');
INSERT INTO "auth_permission" VALUES(13,4,'add_contenttype','Can add content type');
INSERT INTO "auth_permission" VALUES(14,4,'change_contenttype','Can change content type');
INSERT INTO "auth_permission" VALUES(15,4,'delete_contenttype','Can delete content type');
INSERT INTO "auth_permission" VALUES(16,4,'view_contenttype','Can view content type');
INSERT INTO "auth_permission" VALUES(17,5,'add_session','Can add session');
INSERT INTO "auth_permission" VALUES(18,5,'change_session','Can change session');
INSERT INTO "auth_permission" VALUES(19,5,'delete_session','Can delete session');
INSERT INTO "auth_permission" VALUES(20,5,'view_session','Can view session');
INSERT INTO "auth_permission" VALUES(21,6,'add_accessattempt','Can add access attempt');
INSERT INTO "auth_permission" VALUES(22,6,'change_accessattempt','Can change access attempt');
INSERT INTO "auth_permission" VALUES(23,6,'delete_accessattempt','Can delete access attempt');
INSERT INTO "auth_permission" VALUES(24,6,'view_accessattempt','Can view access attempt');
INSERT INTO "auth_permission" VALUES(25,7,'add_accesslog','Can add access log');
INSERT INTO "auth_permission" VALUES(26,7,'change_accesslog','Can change access log');
INSERT INTO "auth_permission" VALUES(27,7,'delete_accesslog','Can delete access log');
INSERT INTO "auth_permission" VALUES(28,7,'view_accesslog','Can view access log');
INSERT INTO "auth_permission" VALUES(29,8,'add_accessfailurelog','Can add access failure');
INSERT INTO "auth_permission" VALUES(30,8,'change_accessfailurelog','Can change access failure');
INSERT INTO "auth_permission" VALUES(31,8,'delete_accessfailurelog','Can delete access failure');
INSERT INTO "auth_permission" VALUES(32,8,'view_accessfailurelog','Can view access failure');
INSERT INTO "auth_permission" VALUES(33,9,'add_accessattemptexpiration','Can add access attempt expiration');
INSERT INTO "auth_permission" VALUES(34,9,'change_accessattemptexpiration','Can change access attempt expiration');
INSERT INTO "auth_permission" VALUES(35,9,'delete_accessattemptexpiration','Can delete access attempt expiration');
INSERT INTO "auth_permission" VALUES(36,9,'view_accessattemptexpiration','Can view access attempt expiration');
INSERT INTO "auth_permission" VALUES(37,10,'add_policyversion','Can add policy version');
INSERT INTO "auth_permission" VALUES(38,10,'change_policyversion','Can change policy version');
INSERT INTO "auth_permission" VALUES(39,10,'delete_policyversion','Can delete policy version');
INSERT INTO "auth_permission" VALUES(40,10,'view_policyversion','Can view policy version');
INSERT INTO "auth_permission" VALUES(41,11,'add_auditentry','Can add audit entry');
INSERT INTO "auth_permission" VALUES(42,11,'change_auditentry','Can change audit entry');
INSERT INTO "auth_permission" VALUES(43,11,'delete_auditentry','Can delete audit entry');
INSERT INTO "auth_permission" VALUES(44,11,'view_auditentry','Can view audit entry');
INSERT INTO "auth_permission" VALUES(45,12,'add_auditseal','Can add audit seal');
INSERT INTO "auth_permission" VALUES(46,12,'change_auditseal','Can change audit seal');
INSERT INTO "auth_permission" VALUES(47,12,'delete_auditseal','Can delete audit seal');
INSERT INTO "auth_permission" VALUES(48,12,'view_auditseal','Can view audit seal');
INSERT INTO "auth_permission" VALUES(49,13,'add_apitoken','Can add api token');
INSERT INTO "auth_permission" VALUES(50,13,'change_apitoken','Can change api token');
INSERT INTO "auth_permission" VALUES(51,13,'delete_apitoken','Can delete api token');
INSERT INTO "auth_permission" VALUES(52,13,'view_apitoken','Can view api token');
INSERT INTO "auth_permission" VALUES(53,14,'add_user','Can add user');
INSERT INTO "auth_permission" VALUES(54,14,'change_user','Can change user');
INSERT INTO "auth_permission" VALUES(55,14,'delete_user','Can delete user');
INSERT INTO "auth_permission" VALUES(56,14,'view_user','Can view user');
INSERT INTO "auth_permission" VALUES(57,15,'add_subject','Can add subject');
INSERT INTO "auth_permission" VALUES(58,15,'change_subject','Can change subject');
INSERT INTO "auth_permission" VALUES(59,15,'delete_subject','Can delete subject');
INSERT INTO "auth_permission" VALUES(60,15,'view_subject','Can view subject');
INSERT INTO "auth_permission" VALUES(61,16,'add_assignment','Can add assignment');
INSERT INTO "auth_permission" VALUES(62,16,'change_assignment','Can change assignment');
INSERT INTO "auth_permission" VALUES(63,16,'delete_assignment','Can delete assignment');
INSERT INTO "auth_permission" VALUES(64,16,'view_assignment','Can view assignment');
INSERT INTO "auth_permission" VALUES(65,17,'add_record','Can add record');
INSERT INTO "auth_permission" VALUES(66,17,'change_record','Can change record');
INSERT INTO "auth_permission" VALUES(67,17,'delete_record','Can delete record');
INSERT INTO "auth_permission" VALUES(68,17,'view_record','Can view record');
INSERT INTO "auth_permission" VALUES(69,18,'add_subjectkey','Can add subject key');
INSERT INTO "auth_permission" VALUES(70,18,'change_subjectkey','Can change subject key');
INSERT INTO "auth_permission" VALUES(71,18,'delete_subjectkey','Can delete subject key');
INSERT INTO "auth_permission" VALUES(72,18,'view_subjectkey','Can view subject key');
INSERT INTO "auth_permission" VALUES(73,19,'add_derivationroot','Can add derivation root');
INSERT INTO "auth_permission" VALUES(74,19,'change_derivationroot','Can change derivation root');
INSERT INTO "auth_permission" VALUES(75,19,'delete_derivationroot','Can delete derivation root');
INSERT INTO "auth_permission" VALUES(76,19,'view_derivationroot','Can view derivation root');
INSERT INTO "auth_permission" VALUES(77,20,'add_consent','Can add consent');
INSERT INTO "auth_permission" VALUES(78,20,'change_consent','Can change consent');
INSERT INTO "auth_permission" VALUES(79,20,'delete_consent','Can delete consent');
INSERT INTO "auth_permission" VALUES(80,20,'view_consent','Can view consent');
INSERT INTO "auth_permission" VALUES(81,21,'add_notice','Can add notice');
INSERT INTO "auth_permission" VALUES(82,21,'change_notice','Can change notice');
INSERT INTO "auth_permission" VALUES(83,21,'delete_notice','Can delete notice');
INSERT INTO "auth_permission" VALUES(84,21,'view_notice','Can view notice');
INSERT INTO "auth_permission" VALUES(85,22,'add_objection','Can add objection');
INSERT INTO "auth_permission" VALUES(86,22,'change_objection','Can change objection');
INSERT INTO "auth_permission" VALUES(87,22,'delete_objection','Can delete objection');
INSERT INTO "auth_permission" VALUES(88,22,'view_objection','Can view objection');
INSERT INTO "auth_permission" VALUES(89,23,'add_optout','Can add opt out');
INSERT INTO "auth_permission" VALUES(90,23,'change_optout','Can change opt out');
INSERT INTO "auth_permission" VALUES(91,23,'delete_optout','Can delete opt out');
INSERT INTO "auth_permission" VALUES(92,23,'view_optout','Can view opt out');
INSERT INTO "auth_permission" VALUES(93,24,'add_restriction','Can add restriction');
INSERT INTO "auth_permission" VALUES(94,24,'change_restriction','Can change restriction');
INSERT INTO "auth_permission" VALUES(95,24,'delete_restriction','Can delete restriction');
INSERT INTO "auth_permission" VALUES(96,24,'view_restriction','Can view restriction');
INSERT INTO "auth_permission" VALUES(97,25,'add_adjustment','Can add adjustment');
INSERT INTO "auth_permission" VALUES(98,25,'change_adjustment','Can change adjustment');
INSERT INTO "auth_permission" VALUES(99,25,'delete_adjustment','Can delete adjustment');
INSERT INTO "auth_permission" VALUES(100,25,'view_adjustment','Can view adjustment');
INSERT INTO "auth_permission" VALUES(101,26,'add_event','Can add event');
INSERT INTO "auth_permission" VALUES(102,26,'change_event','Can change event');
INSERT INTO "auth_permission" VALUES(103,26,'delete_event','Can delete event');
INSERT INTO "auth_permission" VALUES(104,26,'view_event','Can view event');
INSERT INTO "auth_permission" VALUES(105,27,'add_hold','Can add hold');
INSERT INTO "auth_permission" VALUES(106,27,'change_hold','Can change hold');
INSERT INTO "auth_permission" VALUES(107,27,'delete_hold','Can delete hold');
INSERT INTO "auth_permission" VALUES(108,27,'view_hold','Can view hold');
INSERT INTO "auth_permission" VALUES(109,28,'add_request','Can add request');
INSERT INTO "auth_permission" VALUES(110,28,'change_request','Can change request');
INSERT INTO "auth_permission" VALUES(111,28,'delete_request','Can delete request');
INSERT INTO "auth_permission" VALUES(112,28,'view_request','Can view request');
INSERT INTO "auth_permission" VALUES(113,29,'add_delivery','Can add delivery');
INSERT INTO "auth_permission" VALUES(114,29,'change_delivery','Can change delivery');
INSERT INTO "auth_permission" VALUES(115,29,'delete_delivery','Can delete delivery');
INSERT INTO "auth_permission" VALUES(116,29,'view_delivery','Can view delivery');
INSERT INTO "auth_permission" VALUES(117,30,'add_statement','Can add statement');
INSERT INTO "auth_permission" VALUES(118,30,'change_statement','Can change statement');
INSERT INTO "auth_permission" VALUES(119,30,'delete_statement','Can delete statement');
INSERT INTO "auth_permission" VALUES(120,30,'view_statement','Can view statement');
INSERT INTO "auth_permission" VALUES(121,31,'add_step','Can add step');
INSERT INTO "auth_permission" VALUES(122,31,'change_step','Can change step');
INSERT INTO "auth_permission" VALUES(123,31,'delete_step','Can delete step');
INSERT INTO "auth_permission" VALUES(124,31,'view_step','Can view step');
INSERT INTO "auth_permission" VALUES(125,32,'add_recording','Can add recording');
INSERT INTO "auth_permission" VALUES(126,32,'change_recording','Can change recording');
INSERT INTO "auth_permission" VALUES(127,32,'delete_recording','Can delete recording');
INSERT INTO "auth_permission" VALUES(128,32,'view_recording','Can view recording');
INSERT INTO "auth_permission" VALUES(129,33,'add_copyrequest','Can add copy request');
INSERT INTO "auth_permission" VALUES(130,33,'change_copyrequest','Can change copy request');
INSERT INTO "auth_permission" VALUES(131,33,'delete_copyrequest','Can delete copy request');
INSERT INTO "auth_permission" VALUES(132,33,'view_copyrequest','Can view copy request');
INSERT INTO "auth_permission" VALUES(133,34,'add_recordingrequest','Can add recording request');
INSERT INTO "auth_permission" VALUES(134,34,'change_recordingrequest','Can change recording request');
INSERT INTO "auth_permission" VALUES(135,34,'delete_recordingrequest','Can delete recording request');
INSERT INTO "auth_permission" VALUES(136,34,'view_recordingrequest','Can view recording request');
INSERT INTO "auth_permission" VALUES(137,35,'add_shareconsent','Can add share consent');
INSERT INTO "auth_permission" VALUES(138,35,'change_shareconsent','Can change share consent');
INSERT INTO "auth_permission" VALUES(139,35,'delete_shareconsent','Can delete share consent');
INSERT INTO "auth_permission" VALUES(140,35,'view_shareconsent','Can view share consent');
INSERT INTO "auth_permission" VALUES(141,36,'add_share','Can add share');
INSERT INTO "auth_permission" VALUES(142,36,'change_share','Can change share');
INSERT INTO "auth_permission" VALUES(143,36,'delete_share','Can delete share');
INSERT INTO "auth_permission" VALUES(144,36,'view_share','Can view share');
INSERT INTO "auth_permission" VALUES(145,37,'add_project','Can add project');
INSERT INTO "auth_permission" VALUES(146,37,'change_project','Can change project');
INSERT INTO "auth_permission" VALUES(147,37,'delete_project','Can delete project');
INSERT INTO "auth_permission" VALUES(148,37,'view_project','Can view project');
INSERT INTO "auth_permission" VALUES(149,38,'add_dataset','Can add dataset');
INSERT INTO "auth_permission" VALUES(150,38,'change_dataset','Can change dataset');
INSERT INTO "auth_permission" VALUES(151,38,'delete_dataset','Can delete dataset');
INSERT INTO "auth_permission" VALUES(152,38,'view_dataset','Can view dataset');
INSERT INTO "auth_permission" VALUES(153,39,'add_datasetrow','Can add dataset row');
INSERT INTO "auth_permission" VALUES(154,39,'change_datasetrow','Can change dataset row');
INSERT INTO "auth_permission" VALUES(155,39,'delete_datasetrow','Can delete dataset row');
INSERT INTO "auth_permission" VALUES(156,39,'view_datasetrow','Can view dataset row');
INSERT INTO "auth_permission" VALUES(157,40,'add_projectkey','Can add project key');
INSERT INTO "auth_permission" VALUES(158,40,'change_projectkey','Can change project key');
INSERT INTO "auth_permission" VALUES(159,40,'delete_projectkey','Can delete project key');
INSERT INTO "auth_permission" VALUES(160,40,'view_projectkey','Can view project key');
INSERT INTO "auth_permission" VALUES(161,41,'add_profilingrun','Can add profiling run');
INSERT INTO "auth_permission" VALUES(162,41,'change_profilingrun','Can change profiling run');
INSERT INTO "auth_permission" VALUES(163,41,'delete_profilingrun','Can delete profiling run');
INSERT INTO "auth_permission" VALUES(164,41,'view_profilingrun','Can view profiling run');
INSERT INTO "auth_permission" VALUES(165,42,'add_profilingnotice','Can add profiling notice');
INSERT INTO "auth_permission" VALUES(166,42,'change_profilingnotice','Can change profiling notice');
INSERT INTO "auth_permission" VALUES(167,42,'delete_profilingnotice','Can delete profiling notice');
INSERT INTO "auth_permission" VALUES(168,42,'view_profilingnotice','Can view profiling notice');
INSERT INTO "auth_permission" VALUES(169,43,'add_accesscode','Can add access code');
INSERT INTO "auth_permission" VALUES(170,43,'change_accesscode','Can change access code');
INSERT INTO "auth_permission" VALUES(171,43,'delete_accesscode','Can delete access code');
INSERT INTO "auth_permission" VALUES(172,43,'view_accesscode','Can view access code');
INSERT INTO "auth_permission" VALUES(173,44,'add_securemessage','Can add secure message');
INSERT INTO "auth_permission" VALUES(174,44,'change_securemessage','Can change secure message');
INSERT INTO "auth_permission" VALUES(175,44,'delete_securemessage','Can delete secure message');
INSERT INTO "auth_permission" VALUES(176,44,'view_securemessage','Can view secure message');
INSERT INTO "auth_permission" VALUES(177,45,'add_secureattachment','Can add secure attachment');
INSERT INTO "auth_permission" VALUES(178,45,'change_secureattachment','Can change secure attachment');
INSERT INTO "auth_permission" VALUES(179,45,'delete_secureattachment','Can delete secure attachment');
INSERT INTO "auth_permission" VALUES(180,45,'view_secureattachment','Can view secure attachment');
INSERT INTO "auth_permission" VALUES(181,46,'add_mailrequest','Can add mail request');
INSERT INTO "auth_permission" VALUES(182,46,'change_mailrequest','Can change mail request');
INSERT INTO "auth_permission" VALUES(183,46,'delete_mailrequest','Can delete mail request');
INSERT INTO "auth_permission" VALUES(184,46,'view_mailrequest','Can view mail request');
INSERT INTO "auth_permission" VALUES(185,47,'add_securedelivery','Can add secure delivery');
INSERT INTO "auth_permission" VALUES(186,47,'change_securedelivery','Can change secure delivery');
INSERT INTO "auth_permission" VALUES(187,47,'delete_securedelivery','Can delete secure delivery');
INSERT INTO "auth_permission" VALUES(188,47,'view_securedelivery','Can view secure delivery');
INSERT INTO "auth_permission" VALUES(189,48,'add_disclosure','Can add disclosure');
INSERT INTO "auth_permission" VALUES(190,48,'change_disclosure','Can change disclosure');
INSERT INTO "auth_permission" VALUES(191,48,'delete_disclosure','Can delete disclosure');
INSERT INTO "auth_permission" VALUES(192,48,'view_disclosure','Can view disclosure');
INSERT INTO "auth_permission" VALUES(193,49,'add_breach','Can add breach');
INSERT INTO "auth_permission" VALUES(194,49,'change_breach','Can change breach');
INSERT INTO "auth_permission" VALUES(195,49,'delete_breach','Can delete breach');
INSERT INTO "auth_permission" VALUES(196,49,'view_breach','Can view breach');
INSERT INTO "auth_permission" VALUES(197,50,'add_authoritynotification','Can add authority notification');
INSERT INTO "auth_permission" VALUES(198,50,'change_authoritynotification','Can change authority notification');
INSERT INTO "auth_permission" VALUES(199,50,'delete_authoritynotification','Can delete authority notification');
INSERT INTO "auth_permission" VALUES(200,50,'view_authoritynotification','Can view authority notification');
INSERT INTO "auth_permission" VALUES(201,51,'add_affectedsubject','Can add affected subject');
INSERT INTO "auth_permission" VALUES(202,51,'change_affectedsubject','Can change affected subject');
INSERT INTO "auth_permission" VALUES(203,51,'delete_affectedsubject','Can delete affected subject');
INSERT INTO "auth_permission" VALUES(204,51,'view_affectedsubject','Can view affected subject');
INSERT INTO "auth_permission" VALUES(205,52,'add_breachlogentry','Can add breach log entry');
INSERT INTO "auth_permission" VALUES(206,52,'change_breachlogentry','Can change breach log entry');
INSERT INTO "auth_permission" VALUES(207,52,'delete_breachlogentry','Can delete breach log entry');
INSERT INTO "auth_permission" VALUES(208,52,'view_breachlogentry','Can view breach log entry');
INSERT INTO "auth_permission" VALUES(209,53,'add_decision','Can add decision');
INSERT INTO "auth_permission" VALUES(210,53,'change_decision','Can change decision');
INSERT INTO "auth_permission" VALUES(211,53,'delete_decision','Can delete decision');
INSERT INTO "auth_permission" VALUES(212,53,'view_decision','Can view decision');
INSERT INTO "auth_permission" VALUES(213,54,'add_flag','Can add flag');
INSERT INTO "auth_permission" VALUES(214,54,'change_flag','Can change flag');
INSERT INTO "auth_permission" VALUES(215,54,'delete_flag','Can delete flag');
INSERT INTO "auth_permission" VALUES(216,54,'view_flag','Can view flag');
INSERT INTO "auth_permission" VALUES(217,55,'add_conversation','Can add conversation');
INSERT INTO "auth_permission" VALUES(218,55,'change_conversation','Can change conversation');
INSERT INTO "auth_permission" VALUES(219,55,'delete_conversation','Can delete conversation');
INSERT INTO "auth_permission" VALUES(220,55,'view_conversation','Can view conversation');
INSERT INTO "auth_permission" VALUES(221,56,'add_payout','Can add payout');
INSERT INTO "auth_permission" VALUES(222,56,'change_payout','Can change payout');
INSERT INTO "auth_permission" VALUES(223,56,'delete_payout','Can delete payout');
INSERT INTO "auth_permission" VALUES(224,56,'view_payout','Can view payout');
INSERT INTO "auth_permission" VALUES(225,57,'add_listing','Can add listing');
INSERT INTO "auth_permission" VALUES(226,57,'change_listing','Can change listing');
INSERT INTO "auth_permission" VALUES(227,57,'delete_listing','Can delete listing');
INSERT INTO "auth_permission" VALUES(228,57,'view_listing','Can view listing');
INSERT INTO "auth_permission" VALUES(229,58,'add_minorreport','Can add minor report');
INSERT INTO "auth_permission" VALUES(230,58,'change_minorreport','Can change minor report');
INSERT INTO "auth_permission" VALUES(231,58,'delete_minorreport','Can delete minor report');
INSERT INTO "auth_permission" VALUES(232,58,'view_minorreport','Can view minor report');
INSERT INTO "auth_permission" VALUES(233,59,'add_publicreads','Can add public reads');
INSERT INTO "auth_permission" VALUES(234,59,'change_publicreads','Can change public reads');
INSERT INTO "auth_permission" VALUES(235,59,'delete_publicreads','Can delete public reads');
INSERT INTO "auth_permission" VALUES(236,59,'view_publicreads','Can view public reads');
INSERT INTO "auth_permission" VALUES(237,60,'add_ticket','Can add ticket');
INSERT INTO "auth_permission" VALUES(238,60,'change_ticket','Can change ticket');
INSERT INTO "auth_permission" VALUES(239,60,'delete_ticket','Can delete ticket');
INSERT INTO "auth_permission" VALUES(240,60,'view_ticket','Can view ticket');
INSERT INTO "auth_permission" VALUES(241,61,'add_ticketmessage','Can add ticket message');
INSERT INTO "auth_permission" VALUES(242,61,'change_ticketmessage','Can change ticket message');
INSERT INTO "auth_permission" VALUES(243,61,'delete_ticketmessage','Can delete ticket message');
INSERT INTO "auth_permission" VALUES(244,61,'view_ticketmessage','Can view ticket message');
INSERT INTO "auth_permission" VALUES(245,62,'add_verificationmail','Can add verification mail');
INSERT INTO "auth_permission" VALUES(246,62,'change_verificationmail','Can change verification mail');
INSERT INTO "auth_permission" VALUES(247,62,'delete_verificationmail','Can delete verification mail');
INSERT INTO "auth_permission" VALUES(248,62,'view_verificationmail','Can view verification mail');
INSERT INTO "auth_permission" VALUES(249,63,'add_jobrun','Can add job run');
INSERT INTO "auth_permission" VALUES(250,63,'change_jobrun','Can change job run');
INSERT INTO "auth_permission" VALUES(251,63,'delete_jobrun','Can delete job run');
INSERT INTO "auth_permission" VALUES(252,63,'view_jobrun','Can view job run');
INSERT INTO "auth_permission" VALUES(253,64,'add_visit','Can add visit');
INSERT INTO "auth_permission" VALUES(254,64,'change_visit','Can change visit');
INSERT INTO "auth_permission" VALUES(255,64,'delete_visit','Can delete visit');
INSERT INTO "auth_permission" VALUES(256,64,'view_visit','Can view visit');
INSERT INTO "auth_permission" VALUES(257,65,'add_mailing','Can add mailing');
INSERT INTO "auth_permission" VALUES(258,65,'change_mailing','Can change mailing');
INSERT INTO "auth_permission" VALUES(259,65,'delete_mailing','Can delete mailing');
INSERT INTO "auth_permission" VALUES(260,65,'view_mailing','Can view mailing');
INSERT INTO "auth_permission" VALUES(261,66,'add_accountaddress','Can add account address');
INSERT INTO "auth_permission" VALUES(262,66,'change_accountaddress','Can change account address');
INSERT INTO "auth_permission" VALUES(263,66,'delete_accountaddress','Can delete account address');
INSERT INTO "auth_permission" VALUES(264,66,'view_accountaddress','Can view account address');
CREATE TABLE "axes_accessattempt" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_agent" varchar(255) NOT NULL, "ip_address" char(39) NULL, "username" varchar(255) NULL, "http_accept" varchar(1025) NOT NULL, "path_info" varchar(255) NOT NULL, "attempt_time" datetime NOT NULL, "get_data" text NOT NULL, "post_data" text NOT NULL, "failures_since_start" integer unsigned NOT NULL CHECK ("failures_since_start" >= 0));
CREATE TABLE "axes_accessattemptexpiration" ("access_attempt_id" integer NOT NULL PRIMARY KEY REFERENCES "axes_accessattempt" ("id") DEFERRABLE INITIALLY DEFERRED, "expires_at" datetime NOT NULL);
CREATE TABLE "axes_accessfailurelog" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_agent" varchar(255) NOT NULL, "ip_address" char(39) NULL, "username" varchar(255) NULL, "http_accept" varchar(1025) NOT NULL, "path_info" varchar(255) NOT NULL, "attempt_time" datetime NOT NULL, "locked_out" bool NOT NULL);
CREATE TABLE "axes_accesslog" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_agent" varchar(255) NOT NULL, "ip_address" char(39) NULL, "username" varchar(255) NULL, "http_accept" varchar(1025) NOT NULL, "path_info" varchar(255) NOT NULL, "attempt_time" datetime NOT NULL, "logout_time" datetime NULL, "session_hash" varchar(64) NOT NULL);
CREATE TABLE "breaches_affectedsubject" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "categories" text NOT NULL CHECK ((JSON_VALID("categories") OR "categories" IS NULL)), "record_count" integer unsigned NOT NULL CHECK ("record_count" >= 0), "added_at" datetime NOT NULL, "notified_at" datetime NULL, "notice" text NOT NULL CHECK ((JSON_VALID("notice") OR "notice" IS NULL)), "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "breach_id" char(32) NOT NULL REFERENCES "breaches_breach" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "breach_subject_once" UNIQUE ("breach_id", "subject_id"));
CREATE TABLE "breaches_authoritynotification" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(16) NOT NULL, "at" datetime NOT NULL, "reference" varchar(100) NOT NULL, "form" text NOT NULL CHECK ((JSON_VALID("form") OR "form" IS NULL)), "by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "breach_id" char(32) NOT NULL REFERENCES "breaches_breach" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "breaches_breach" ("id" char(32) NOT NULL PRIMARY KEY, "kind" varchar(32) NOT NULL, "description" text NOT NULL, "status" varchar(16) NOT NULL, "source" varchar(16) NOT NULL, "reporter_name" varchar(200) NOT NULL, "reporter_contact" varchar(200) NOT NULL, "received_at" datetime NOT NULL, "aware_at" datetime NOT NULL, "authority_due_at" datetime NOT NULL, "started_at" datetime NULL, "ended_at" datetime NULL, "ongoing" bool NOT NULL, "categories" text NOT NULL CHECK ((JSON_VALID("categories") OR "categories" IS NULL)), "risk" varchar(8) NOT NULL, "nature" text NOT NULL CHECK ((JSON_VALID("nature") OR "nature" IS NULL)), "cause" text NOT NULL, "consequences" text NOT NULL, "prior_measures" text NOT NULL, "encrypted" bool NULL, "measures_taken" text NOT NULL, "measures_subject_can_take" text NOT NULL, "follow_up" text NOT NULL, "record_count" integer unsigned NULL CHECK ("record_count" >= 0), "assessed_at" datetime NULL, "authority_notified_at" datetime NULL, "authority_reference" varchar(100) NOT NULL, "subjects_notified_at" datetime NULL, "closed_at" datetime NULL, "created_at" datetime NOT NULL, "policy_version" integer unsigned NULL CHECK ("policy_version" >= 0), "reported_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "breaches_breachlogentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "at" datetime NOT NULL, "actor" varchar(150) NOT NULL, "event" varchar(40) NOT NULL, "detail" text NOT NULL CHECK ((JSON_VALID("detail") OR "detail" IS NULL)), "breach_id" char(32) NOT NULL REFERENCES "breaches_breach" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consent_consent" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "status" varchar(24) NOT NULL, "given_at" datetime NOT NULL, "channel" varchar(32) NOT NULL, "policy_version" integer unsigned NOT NULL CHECK ("policy_version" >= 0), "statement_version" varchar(32) NOT NULL, "text_version" varchar(64) NOT NULL, "evidence_document" varchar(200) NOT NULL, "evidence_scope" text NOT NULL CHECK ((JSON_VALID("evidence_scope") OR "evidence_scope" IS NULL)), "signatory_roles" text NOT NULL CHECK ((JSON_VALID("signatory_roles") OR "signatory_roles" IS NULL)), "sealed" BLOB NULL, "consequences" text NOT NULL, "recorded_at" datetime NOT NULL, "verified_at" datetime NULL, "verification_method" varchar(32) NOT NULL, "withdrawn_at" datetime NULL, "withdrawal_channel" varchar(32) NOT NULL, "recorded_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "verified_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "withdrawn_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consent_notice" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "kind" varchar(24) NOT NULL, "basis" varchar(32) NOT NULL, "source_kind" varchar(32) NOT NULL, "source_detail" varchar(200) NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL, "due_at" datetime NOT NULL, "sent_at" datetime NULL, "channel" varchar(32) NOT NULL, "consent_id" char(32) NULL REFERENCES "consent_consent" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "sent_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consent_objection" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "received_at" datetime NOT NULL, "channel" varchar(32) NOT NULL, "overridden_at" datetime NULL, "override_grounds" text NOT NULL, "overridden_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "recorded_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consent_optout" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "channel" varchar(32) NOT NULL, "set_at" datetime NOT NULL, "reversed_at" datetime NULL, "recorded_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "reversed_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consent_restriction" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "reason" varchar(200) NOT NULL, "set_at" datetime NOT NULL, "lifted_at" datetime NULL, "lifted_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "set_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "decisions_conversation" ("id" char(32) NOT NULL PRIMARY KEY, "kind" varchar(16) NOT NULL, "opened_by" varchar(150) NOT NULL, "opened_at" datetime NOT NULL, "sealed" BLOB NULL, "status" varchar(16) NOT NULL, "record_id" char(32) NOT NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "flag_id" char(32) NULL REFERENCES "decisions_flag" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "decisions_decision" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "outcome" varchar(16) NOT NULL, "reasoning" text NOT NULL, "decided_at" datetime NOT NULL, "policy_version" integer unsigned NOT NULL CHECK ("policy_version" >= 0), "decided_by_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NOT NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "decisions_flag" ("id" char(32) NOT NULL PRIMARY KEY, "kind" varchar(32) NOT NULL, "reason" text NOT NULL, "raised_by" varchar(150) NOT NULL, "raised_at" datetime NOT NULL, "cleared_at" datetime NULL, "clear_reasoning" text NOT NULL, "cleared_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "raised_by_user_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NOT NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "decisions_payout" ("id" char(32) NOT NULL PRIMARY KEY, "paid_at" datetime NOT NULL, "application_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "decision_id" char(32) NULL REFERENCES "decisions_decision" ("id") DEFERRABLE INITIALLY DEFERRED, "paid_by_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "payout_record_id" char(32) NOT NULL UNIQUE REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "disclosures_disclosure" ("id" char(32) NOT NULL PRIMARY KEY, "recipient" varchar(64) NOT NULL, "recipient_label" varchar(200) NOT NULL, "purpose" varchar(64) NOT NULL, "reason" varchar(32) NOT NULL, "at" datetime NOT NULL, "records" text NOT NULL CHECK ((JSON_VALID("records") OR "records" IS NULL)), "categories" text NOT NULL CHECK ((JSON_VALID("categories") OR "categories" IS NULL)), "fields" text NOT NULL CHECK ((JSON_VALID("fields") OR "fields" IS NULL)), "agreement" varchar(200) NOT NULL, "authority" varchar(200) NOT NULL, "legal_ground" varchar(300) NOT NULL, "consent_ref" varchar(64) NOT NULL, "policy_version" integer unsigned NOT NULL CHECK ("policy_version" >= 0), "actor_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "django_admin_log" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" text NULL, "object_repr" varchar(200) NOT NULL, "action_flag" smallint unsigned NOT NULL CHECK ("action_flag" >= 0), "change_message" text NOT NULL, "content_type_id" integer NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "action_time" datetime NOT NULL);
CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app_label" varchar(100) NOT NULL, "model" varchar(100) NOT NULL);
INSERT INTO "django_content_type" VALUES(1,'admin','logentry');
INSERT INTO "django_content_type" VALUES(2,'auth','permission');
INSERT INTO "django_content_type" VALUES(3,'auth','group');
INSERT INTO "django_content_type" VALUES(4,'contenttypes','contenttype');
INSERT INTO "django_content_type" VALUES(5,'sessions','session');
INSERT INTO "django_content_type" VALUES(6,'axes','accessattempt');
INSERT INTO "django_content_type" VALUES(7,'axes','accesslog');
INSERT INTO "django_content_type" VALUES(8,'axes','accessfailurelog');
INSERT INTO "django_content_type" VALUES(9,'axes','accessattemptexpiration');
INSERT INTO "django_content_type" VALUES(10,'policy','policyversion');
INSERT INTO "django_content_type" VALUES(11,'audit','auditentry');
INSERT INTO "django_content_type" VALUES(12,'audit','auditseal');
INSERT INTO "django_content_type" VALUES(13,'accounts','apitoken');
INSERT INTO "django_content_type" VALUES(14,'accounts','user');
INSERT INTO "django_content_type" VALUES(15,'vault','subject');
INSERT INTO "django_content_type" VALUES(16,'vault','assignment');
INSERT INTO "django_content_type" VALUES(17,'vault','record');
INSERT INTO "django_content_type" VALUES(18,'vault','subjectkey');
INSERT INTO "django_content_type" VALUES(19,'vault','derivationroot');
INSERT INTO "django_content_type" VALUES(20,'consent','consent');
INSERT INTO "django_content_type" VALUES(21,'consent','notice');
INSERT INTO "django_content_type" VALUES(22,'consent','objection');
INSERT INTO "django_content_type" VALUES(23,'consent','optout');
INSERT INTO "django_content_type" VALUES(24,'consent','restriction');
INSERT INTO "django_content_type" VALUES(25,'retention','adjustment');
INSERT INTO "django_content_type" VALUES(26,'retention','event');
INSERT INTO "django_content_type" VALUES(27,'retention','hold');
INSERT INTO "django_content_type" VALUES(28,'rights','request');
INSERT INTO "django_content_type" VALUES(29,'rights','delivery');
INSERT INTO "django_content_type" VALUES(30,'rights','statement');
INSERT INTO "django_content_type" VALUES(31,'rights','step');
INSERT INTO "django_content_type" VALUES(32,'recordings','recording');
INSERT INTO "django_content_type" VALUES(33,'recordings','copyrequest');
INSERT INTO "django_content_type" VALUES(34,'recordings','recordingrequest');
INSERT INTO "django_content_type" VALUES(35,'recordings','shareconsent');
INSERT INTO "django_content_type" VALUES(36,'recordings','share');
INSERT INTO "django_content_type" VALUES(37,'research','project');
INSERT INTO "django_content_type" VALUES(38,'research','dataset');
INSERT INTO "django_content_type" VALUES(39,'research','datasetrow');
INSERT INTO "django_content_type" VALUES(40,'research','projectkey');
INSERT INTO "django_content_type" VALUES(41,'research','profilingrun');
INSERT INTO "django_content_type" VALUES(42,'research','profilingnotice');
INSERT INTO "django_content_type" VALUES(43,'securemail','accesscode');
INSERT INTO "django_content_type" VALUES(44,'securemail','securemessage');
INSERT INTO "django_content_type" VALUES(45,'securemail','secureattachment');
INSERT INTO "django_content_type" VALUES(46,'securemail','mailrequest');
INSERT INTO "django_content_type" VALUES(47,'securemail','securedelivery');
INSERT INTO "django_content_type" VALUES(48,'disclosures','disclosure');
INSERT INTO "django_content_type" VALUES(49,'breaches','breach');
INSERT INTO "django_content_type" VALUES(50,'breaches','authoritynotification');
INSERT INTO "django_content_type" VALUES(51,'breaches','affectedsubject');
INSERT INTO "django_content_type" VALUES(52,'breaches','breachlogentry');
INSERT INTO "django_content_type" VALUES(53,'decisions','decision');
INSERT INTO "django_content_type" VALUES(54,'decisions','flag');
INSERT INTO "django_content_type" VALUES(55,'decisions','conversation');
INSERT INTO "django_content_type" VALUES(56,'decisions','payout');
INSERT INTO "django_content_type" VALUES(57,'listings','listing');
INSERT INTO "django_content_type" VALUES(58,'listings','minorreport');
INSERT INTO "django_content_type" VALUES(59,'listings','publicreads');
INSERT INTO "django_content_type" VALUES(60,'listings','ticket');
INSERT INTO "django_content_type" VALUES(61,'listings','ticketmessage');
INSERT INTO "django_content_type" VALUES(62,'listings','verificationmail');
INSERT INTO "django_content_type" VALUES(63,'jobs','jobrun');
INSERT INTO "django_content_type" VALUES(64,'statistics','visit');
INSERT INTO "django_content_type" VALUES(65,'mailings','mailing');
INSERT INTO "django_content_type" VALUES(66,'portal','accountaddress');
CREATE TABLE "django_migrations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "applied" datetime NOT NULL);
INSERT INTO "django_migrations" VALUES(1,'contenttypes','0001_initial','2026-12-03 11:52:07.054063');
INSERT INTO "django_migrations" VALUES(2,'contenttypes','0002_remove_content_type_name','2026-12-03 11:52:07.075667');
INSERT INTO "django_migrations" VALUES(3,'auth','0001_initial','2026-12-03 11:52:07.107066');
INSERT INTO "django_migrations" VALUES(4,'auth','0002_alter_permission_name_max_length','2026-12-03 11:52:07.123615');
INSERT INTO "django_migrations" VALUES(5,'auth','0003_alter_user_email_max_length','2026-12-03 11:52:07.133794');
INSERT INTO "django_migrations" VALUES(6,'auth','0004_alter_user_username_opts','2026-12-03 11:52:07.151393');
INSERT INTO "django_migrations" VALUES(7,'auth','0005_alter_user_last_login_null','2026-12-03 11:52:07.157691');
INSERT INTO "django_migrations" VALUES(8,'auth','0006_require_contenttypes_0002','2026-12-03 11:52:07.167070');
INSERT INTO "django_migrations" VALUES(9,'auth','0007_alter_validators_add_error_messages','2026-12-03 11:52:07.177499');
INSERT INTO "django_migrations" VALUES(10,'auth','0008_alter_user_username_max_length','2026-12-03 11:52:07.196891');
INSERT INTO "django_migrations" VALUES(11,'auth','0009_alter_user_last_name_max_length','2026-12-03 11:52:07.209700');
INSERT INTO "django_migrations" VALUES(12,'auth','0010_alter_group_name_max_length','2026-12-03 11:52:07.228867');
INSERT INTO "django_migrations" VALUES(13,'auth','0011_update_proxy_permissions','2026-12-03 11:52:07.247750');
INSERT INTO "django_migrations" VALUES(14,'auth','0012_alter_user_first_name_max_length','2026-12-03 11:52:07.261210');
INSERT INTO "django_migrations" VALUES(15,'accounts','0001_initial','2026-12-03 11:52:07.295350');
INSERT INTO "django_migrations" VALUES(16,'vault','0001_initial','2026-12-03 11:52:07.453644');
INSERT INTO "django_migrations" VALUES(17,'accounts','0002_initial','2026-12-03 11:52:07.509457');
INSERT INTO "django_migrations" VALUES(18,'admin','0001_initial','2026-12-03 11:52:07.536501');
INSERT INTO "django_migrations" VALUES(19,'admin','0002_logentry_remove_auto_add','2026-12-03 11:52:07.558002');
INSERT INTO "django_migrations" VALUES(20,'admin','0003_logentry_add_action_flag_choices','2026-12-03 11:52:07.570020');
INSERT INTO "django_migrations" VALUES(21,'vault','0002_record_basis','2026-12-03 11:52:07.593916');
INSERT INTO "django_migrations" VALUES(22,'vault','0003_derivation_root','2026-12-03 11:52:07.615945');
INSERT INTO "django_migrations" VALUES(23,'audit','0001_initial','2026-12-03 11:52:07.639062');
INSERT INTO "django_migrations" VALUES(24,'audit','0002_append_only','2026-12-03 11:52:07.666460');
INSERT INTO "django_migrations" VALUES(25,'audit','0003_lock_and_head','2026-12-03 11:52:07.705570');
INSERT INTO "django_migrations" VALUES(26,'audit','0004_grouped_entries','2026-12-03 11:52:07.753233');
INSERT INTO "django_migrations" VALUES(27,'audit','0005_grouped_index','2026-12-03 11:52:07.769364');
INSERT INTO "django_migrations" VALUES(28,'audit','0006_keyed_entries_and_checkpoints','2026-12-03 11:52:07.838238');
INSERT INTO "django_migrations" VALUES(29,'axes','0001_initial','2026-12-03 11:52:07.842491');
INSERT INTO "django_migrations" VALUES(30,'axes','0002_auto_20151217_2044','2026-12-03 11:52:07.957249');
INSERT INTO "django_migrations" VALUES(31,'axes','0003_auto_20160322_0929','2026-12-03 11:52:08.009171');
INSERT INTO "django_migrations" VALUES(32,'axes','0004_auto_20181024_1538','2026-12-03 11:52:08.033746');
INSERT INTO "django_migrations" VALUES(33,'axes','0005_remove_accessattempt_trusted','2026-12-03 11:52:08.059682');
INSERT INTO "django_migrations" VALUES(34,'axes','0006_remove_accesslog_trusted','2026-12-03 11:52:08.079413');
INSERT INTO "django_migrations" VALUES(35,'axes','0007_alter_accessattempt_unique_together','2026-12-03 11:52:08.127835');
INSERT INTO "django_migrations" VALUES(36,'axes','0008_accessfailurelog','2026-12-03 11:52:08.143062');
INSERT INTO "django_migrations" VALUES(37,'axes','0009_add_session_hash','2026-12-03 11:52:08.160589');
INSERT INTO "django_migrations" VALUES(38,'axes','0010_accessattemptexpiration','2026-12-03 11:52:08.173511');
INSERT INTO "django_migrations" VALUES(39,'breaches','0001_initial','2026-12-03 11:52:08.400014');
INSERT INTO "django_migrations" VALUES(40,'breaches','0002_trail_append_only','2026-12-03 11:52:08.442323');
INSERT INTO "django_migrations" VALUES(41,'consent','0001_initial','2026-12-03 11:52:09.175204');
INSERT INTO "django_migrations" VALUES(42,'decisions','0001_initial','2026-12-03 11:52:09.479147');
INSERT INTO "django_migrations" VALUES(43,'disclosures','0001_initial','2026-12-03 11:52:09.551208');
INSERT INTO "django_migrations" VALUES(44,'jobs','0001_initial','2026-12-03 11:52:09.567061');
INSERT INTO "django_migrations" VALUES(45,'rights','0001_initial','2026-12-03 11:52:10.026062');
INSERT INTO "django_migrations" VALUES(46,'listings','0001_initial','2026-12-03 11:52:10.467661');
INSERT INTO "django_migrations" VALUES(47,'mailings','0001_initial','2026-12-03 11:52:10.565780');
INSERT INTO "django_migrations" VALUES(48,'policy','0001_initial','2026-12-03 11:52:10.657703');
INSERT INTO "django_migrations" VALUES(49,'policy','0002_scheduled_activation','2026-12-03 11:52:11.251339');
INSERT INTO "django_migrations" VALUES(50,'portal','0001_initial','2026-12-03 11:52:11.324687');
INSERT INTO "django_migrations" VALUES(51,'recordings','0001_initial','2026-12-03 11:52:11.803084');
INSERT INTO "django_migrations" VALUES(52,'research','0001_initial','2026-12-03 11:52:12.982427');
INSERT INTO "django_migrations" VALUES(53,'vault','0004_assignment_history','2026-12-03 11:52:13.743229');
INSERT INTO "django_migrations" VALUES(54,'retention','0001_initial','2026-12-03 11:52:14.115087');
INSERT INTO "django_migrations" VALUES(55,'retention','0002_hold_purpose_review','2026-12-03 11:52:15.426086');
INSERT INTO "django_migrations" VALUES(56,'rights','0002_requester_steps_and_delivery_channels','2026-12-03 11:52:16.059051');
INSERT INTO "django_migrations" VALUES(57,'securemail','0001_initial','2026-12-03 11:52:16.907121');
INSERT INTO "django_migrations" VALUES(58,'securemail','0002_securedelivery','2026-12-03 11:52:17.044058');
INSERT INTO "django_migrations" VALUES(59,'sessions','0001_initial','2026-12-03 11:52:17.059066');
INSERT INTO "django_migrations" VALUES(60,'statistics','0001_initial','2026-12-03 11:52:17.079032');
CREATE TABLE "django_session" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" datetime NOT NULL);
CREATE TABLE "jobs_jobrun" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(64) NOT NULL, "runner" varchar(16) NOT NULL, "started_at" datetime NOT NULL, "finished_at" datetime NULL, "outcome" varchar(16) NOT NULL, "summary" text NOT NULL CHECK ((JSON_VALID("summary") OR "summary" IS NULL)));
CREATE TABLE "listings_listing" ("id" char(32) NOT NULL PRIMARY KEY, "published" bool NOT NULL, "created_at" datetime NOT NULL, "flagged_at" datetime NULL, "flag_reason" varchar(64) NOT NULL, "record_id" char(32) NOT NULL UNIQUE REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "verification_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "listings_minorreport" ("id" char(32) NOT NULL PRIMARY KEY, "reference" varchar(100) NOT NULL, "status" varchar(16) NOT NULL, "received_at" datetime NOT NULL, "confirmed_at" datetime NULL, "reporter_told_at" datetime NULL, "confirmed_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "erasure_id" char(32) NULL REFERENCES "rights_request" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "reporter_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "listings_publicreads" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "day" date NOT NULL, "kind" varchar(16) NOT NULL, "count" integer unsigned NOT NULL CHECK ("count" >= 0), "audited_at" datetime NULL, CONSTRAINT "public_reads_day_kind" UNIQUE ("day", "kind"));
CREATE TABLE "listings_ticket" ("id" char(32) NOT NULL PRIMARY KEY, "page" varchar(500) NOT NULL, "status" varchar(16) NOT NULL, "created_at" datetime NOT NULL, "listing_id" char(32) NULL REFERENCES "listings_listing" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "listings_ticketmessage" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(32) NOT NULL, "at" datetime NOT NULL, "by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "ticket_id" char(32) NOT NULL REFERENCES "listings_ticket" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "listings_verificationmail" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "status" varchar(16) NOT NULL, "at" datetime NOT NULL, "confirmed_at" datetime NULL, "listing_id" char(32) NOT NULL REFERENCES "listings_listing" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mailings_mailing" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" varchar(64) NOT NULL, "message_type" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "created_at" datetime NOT NULL, "sent_at" datetime NULL, "sent" integer unsigned NOT NULL CHECK ("sent" >= 0), "failed" integer unsigned NOT NULL CHECK ("failed" >= 0), "excluded" text NOT NULL CHECK ((JSON_VALID("excluded") OR "excluded" IS NULL)), "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "policy_policyversion" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "number" integer unsigned NOT NULL UNIQUE CHECK ("number" >= 0), "sha256" varchar(64) NOT NULL, "source" text NOT NULL, "filename" varchar(500) NOT NULL, "organisation" varchar(64) NOT NULL, "statement_version" varchar(32) NOT NULL, "statement_effective" date NOT NULL, "activated_at" datetime NOT NULL, "is_current" bool NOT NULL, "activated_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "effective_at" datetime NULL, "scheduled" bool NOT NULL);
INSERT INTO "policy_policyversion" VALUES(1,1,'ee344a9b42586ab951edf4fcd3601d63c3a0bdf50d1b0a08fb5933945e4e5912','# Seed 000: Valtes, ikzorginassen.nl / assen.care (mantelzorgplatform Gemeente Assen).
# Comments name the promises of PROMISES.md each part encodes.
waarborg: 1

organisation:
  id: valtes
  name: Valtes
  legal_entity: Valtes B.V.
  description:
    nl: >-
      Valtes beheert de websites ikzorginassen.nl en assen.care en verzorgt de uitvoering en digitale
      ondersteuning daarvan: een platform voor mantelzorgers in de gemeente Assen.
    en: >-
      Valtes manages the websites ikzorginassen.nl and assen.care and runs and digitally supports them:
      a platform for informal carers in the municipality of Assen.
  website: https://www.ikzorginassen.nl
  services:
    - {nl: De mantelzorgwaardering van de Gemeente Assen aanvragen en uitbetalen, en: Applying for and paying out the Gemeente Assen carer appreciation award}
    - {nl: Bijeenkomsten voor mantelzorgers, en: Events for informal carers}
    - {nl: "Nieuwsbrief, tips en helpdesk", en: "Newsletter, tips and helpdesk"}
  privacy_contact:
    name: Valtes, gegevensbescherming
    email: privacy@valtes.nl            # S0-41
  authority:                             # S0-41, S4-24 style
    name: Autoriteit Persoonsgegevens
    url: https://www.autoriteitpersoonsgegevens.nl

statement:
  version: "1.0"
  effective: 2024-01-01
  changes:                               # S2-31 style: changes are published, earlier versions stay visible
    nl: Wij kunnen deze privacyverklaring aanpassen. De nieuwe versie staat op de website; eerdere versies blijven in te zien.
    en: We may change this privacy statement. The new version is published on the website; earlier versions remain available.
  security:
    - nl: >-   # S0-21..24
        Wij nemen technische en organisatorische maatregelen tegen verlies of onrechtmatige verwerking:
        encryptie, databaserestricties, pseudonimisering en logging.
      en: >-
        We take technical and organisational measures against loss or unlawful processing:
        encryption, database restrictions, pseudonymisation and logging.
    - nl: >-   # S0-25..27
        Wij hebben een informatiebeveiligingsbeleid en houden een register van verwerkingsactiviteiten,
        een toestemmingsregister en een datalekprocedure bij.
      en: >-
        We have an information security policy and keep a register of processing activities, a consent
        register and a data breach procedure.

categories:
  identity:
    label: {nl: Naam en account, en: Name and account}
    encrypted: true
  contact:
    label: {nl: "Contactgegevens (e-mail, telefoon)", en: "Contact details (e-mail, phone)"}
    encrypted: true                      # S0-21
  address:
    label: {nl: Adresgegevens, en: Address}
    encrypted: true                      # S0-21
  birth_date:
    label: {nl: Geboortedatum, en: Date of birth}
    encrypted: true                      # S0-21
  care_situation:
    label: {nl: Antwoorden over de mantelzorgsituatie, en: Answers about the care situation}
  bank:
    label: {nl: Bankrekeningnummer en tenaamstelling, en: Bank account number and holder}
    financial: true                      # S0-09, S0-21
  payout:
    label: {nl: "Uitbetaling (bedrag, editie)", en: "Payout (amount, edition)"}
  visit:
    label: {nl: "Bezoekgegevens (IP-adres, besturingssysteem, browser)", en: "Visit data (IP address, operating system, browser)"}
  message:
    label: {nl: Berichten en vragen, en: Messages and questions}

purposes:
  eligibility:                           # S0-06, S0-07, S0-40
    label: {nl: Beoordelen van de mantelzorgwaardering, en: Assessing the carer appreciation award}
    data_subjects:
      - {nl: Mantelzorgers die een aanvraag doen, en: Informal carers who apply}
      - {nl: Zorgvragers (adres), en: Care recipients (address)}
    description:
      nl: >-
        Wij controleren of je in aanmerking komt voor de mantelzorgwaardering van de Gemeente Assen.
        Een medewerker beslist altijd zelf; er is geen geautomatiseerde beslissing.
      en: >-
        We check whether you are eligible for the Gemeente Assen carer appreciation award. A person
        always decides; there is no automated decision.
    basis: contract
    basis_detail: {contract: Aanvraag mantelzorgwaardering (uitvoering van de dienst)}
    human_decision: true
    need_to_know: false
    requirement:
      nl: Zonder adres, telefoonnummer, geboortedatum en het adres van de zorgvrager kunnen wij je aanvraag niet beoordelen.
      en: Without your address, phone number, date of birth and the care recipient''s address we cannot assess your application.
    sources: [subject, representative]
  payout:                                # S0-09, S0-10
    label: {nl: Uitbetalen van de mantelzorgwaardering, en: Paying out the award}
    data_subjects:
      - {nl: Mantelzorgers aan wie wordt uitbetaald, en: Informal carers who are paid}
    description:
      nl: >-
        Wij betalen de toegekende mantelzorgwaardering uit. Bij een vermoeden van fraude of misbruik betalen
        wij niet uit; je kunt dan met ons in gesprek gaan.
      en: >-
        We pay out the granted award. If fraud or misuse is suspected we do not pay out; you can then talk
        to us about it.
    basis: contract
    basis_detail: {contract: Aanvraag mantelzorgwaardering (uitvoering van de dienst)}
    human_decision: true
    requirement:
      nl: Zonder bankrekeningnummer en tenaamstelling kunnen wij niet uitbetalen.
      en: Without a bank account number and account holder name we cannot pay out.
  policy_research:                       # S0-08, S0-23
    label: {nl: Verbeteren van het gemeentelijk beleid, en: Improving municipal policy}
    data_subjects:
      - {nl: Mantelzorgers die een aanvraag deden, en: Informal carers who applied}
    description:
      nl: Een aantal antwoorden uit de aanvraag gebruiken wij, alleen geanonimiseerd en opgeteld, om het beleid van de gemeente te verbeteren.
      en: Some answers from the application are used, only anonymised and aggregated, to improve municipal policy.
    basis: legitimate_interest
    basis_detail:
      interest: {nl: Het verbeteren van het mantelzorgbeleid van de gemeente Assen, en: Improving the municipality''s carer policy}
    statistics: true
  events:                                # S0-11, S0-12
    label: {nl: Aanmelden voor bijeenkomsten, en: Registering for events}
    data_subjects:
      - {nl: Deelnemers aan bijeenkomsten, en: Event participants}
    description:
      nl: Wij delen je aanmelding met de projectleider, om deelnemers bij te houden en op de dag te zien wie er is.
      en: We share your registration with the project leader, to keep track of participants and see who attends.
    basis: contract
    basis_detail: {contract: Aanmelding voor een bijeenkomst}
    need_to_know: true
  newsletter:                            # S0-16, S0-17, S0-19, S0-20
    label: {nl: Nieuwsbrief, en: Newsletter}
    data_subjects:
      - {nl: Abonnees van de nieuwsbrief, en: Newsletter subscribers}
    description:
      nl: Als je je aanmeldt ontvang je regelmatig onze nieuwsbrief met nieuws en evenementen in en rond Assen. Uitschrijven kan in elke nieuwsbrief.
      en: If you subscribe you regularly receive our newsletter with news and events in and around Assen. You can unsubscribe in every newsletter.
    basis: consent
  tips:                                  # S0-32
    label: {nl: Tips insturen, en: Sending in tips}
    data_subjects:
      - {nl: Inzenders van tips, en: People who send tips}
    description:
      nl: Je kunt ons een tip sturen, eventueel met je e-mailadres zodat wij kunnen reageren.
      en: You can send us a tip, optionally with your e-mail address so we can reply.
    basis: consent
  helpdesk:                              # S0-18
    label: {nl: Helpdesk en contact, en: Helpdesk and contact}
    data_subjects:
      - {nl: Gebruikers die contact opnemen, en: Users who contact us}
    description:
      nl: Wij gebruiken je gegevens voor contact met de helpdesk en voor communicatie per telefoon of e-mail die nodig is voor onze diensten.
      en: We use your data for helpdesk contact and for phone or e-mail communication needed for our services.
    basis: contract
    basis_detail: {contract: Uitvoering van de diensten van het platform}
  statistics:                            # S0-01, S0-02
    label: {nl: Websitestatistieken, en: Website statistics}
    data_subjects:
      - {nl: Websitebezoekers, en: Website visitors}
    description:
      nl: Wij verzamelen je IP-adres, besturingssysteem en browser en maken daar alleen na anonimisering statistieken van.
      en: We collect your IP address, operating system and browser and only make statistics from them after anonymisation.
    basis: legitimate_interest
    basis_detail:
      interest: {nl: Het gebruiksgemak van de website vergroten, en: Making the website easier to use}
    statistics: true
    sources: [website_form]
  administration:                        # S0-35
    label: {nl: Financiële administratie, en: Financial administration}
    data_subjects:
      - {nl: "Mantelzorgers, leveranciers en opdrachtgevers", en: "Informal carers, suppliers and clients"}
    description:
      nl: Wij bewaren grootboek, debiteuren- en crediteurenadministratie, verkoopadministratie en zakelijke e-mails zolang de wet dat eist.
      en: We keep the ledger, debtor and creditor records, sales records and business e-mails as long as the law requires.
    basis: legal_obligation
    basis_detail: {law: "Fiscale bewaarplicht, art. 52 Algemene wet inzake rijksbelastingen; art. 2:10 BW"}

record_types:
  application:                           # S0-06, S0-13
    purpose: eligibility
    label: {nl: Aanvraag mantelzorgwaardering, en: Award application}
    retention: award_cycle
    creates_account: true
    fields:
      name: {category: identity, required: true}
      email: {category: contact, type: email}
      phone: {category: contact, type: phone, required: true}
      address: {category: address, required: true}
      postcode: {category: address, type: postcode}
      birth_date: {category: birth_date, type: date, required: true}
      care_recipient_address: {category: address, required: true}
      edition: {category: payout, type: integer, required: true}
      hours_per_week: {category: care_situation, type: integer, policy_use: true}
      relationship: {category: care_situation, type: choice, choices: [partner, ouder, kind, familie, buur, vriend, anders], policy_use: true}
      status: {category: payout, type: choice, choices: [submitted, granted, rejected]}
  payout:                                # S0-09, S0-28, S0-39: kept on its fiscal ground, then anonymised
    purpose: payout
    label: {nl: Uitbetaling, en: Payout}
    retention: award_cycle_anonymised
    fiscal: true
    fields:
      iban: {category: bank, type: iban, required: true}
      account_holder: {category: bank, required: true}
      amount: {category: payout, type: decimal, required: true}
      edition: {category: payout, type: integer, required: true}
      paid_on: {category: payout, type: date}
  event_registration:                    # S0-11, S0-12
    purpose: events
    label: {nl: Aanmelding bijeenkomst, en: Event registration}
    retention: event_done
    fields:
      event: {category: message, required: true}
      name: {category: identity, required: true}
      email: {category: contact, type: email}
      phone: {category: contact, type: phone}
      attended: {category: message, type: boolean}
  newsletter_subscription:               # S0-16, S0-33
    purpose: newsletter
    label: {nl: Inschrijving nieuwsbrief, en: Newsletter subscription}
    retention: until_unsubscribed
    fields:
      email: {category: contact, type: email, required: true}
      name: {category: identity}
  tip:                                   # S0-32
    purpose: tips
    label: {nl: Tip, en: Tip}
    retention: tip_3m
    public_form: tip                     # the tip form on the site (/tip/); the helpdesk takes tips by phone
    fields:
      tip: {category: message, type: longtext, required: true, label: {nl: Je tip, en: Your tip}}
      email: {category: contact, type: email, label: {nl: "Je e-mailadres, als je een reactie wilt", en: "Your e-mail address, if you would like a reply"}}
  helpdesk_ticket:                       # S0-18
    purpose: helpdesk
    label: {nl: Helpdeskvraag, en: Helpdesk ticket}
    retention: helpdesk_1y
    fields:
      question: {category: message, type: longtext, required: true}
      email: {category: contact, type: email}
      phone: {category: contact, type: phone}
  visit:                                 # S0-01
    purpose: statistics
    label: {nl: Websitebezoek, en: Website visit}
    retention: visits_3m
    fields:
      ip: {category: visit, type: ip, required: true}
      os: {category: visit}
      browser: {category: visit}
  ledger_entry:                          # S0-35
    purpose: administration
    label: {nl: "Boeking (grootboek, debiteuren, crediteuren, verkoop)", en: Ledger entry}
    retention: fiscal_7y
    fiscal: true
    fields:
      description: {category: payout, required: true}
      amount: {category: payout, type: decimal, required: true}
      counterparty: {category: identity}
      iban: {category: bank, type: iban}

calendars:
  award_editions:                        # S0-29: C_N, the closing of edition N
    label: {nl: Sluiting van een ronde van de mantelzorgwaardering, en: Closing of an award edition}
    event: edition_closed
    dates: [2023-11-30, 2024-11-30, 2025-11-30, 2026-11-30]
    occurrences:                         # how the statement names the 1st and 2nd closing after an application
      - {nl: de sluiting van de huidige ronde, en: the closing of the current edition}
      - {nl: de sluiting van de volgende ronde, en: the closing of the next edition}

events:                                  # the events retention waits for: their words, and who reports them
  edition_closed:                        # organisation-wide: moves the clock of every application and payout
    label: {nl: de sluiting van een ronde, en: the closing of an edition}
    posted_by: [coordinator]
  event_finished:                        # S0-12: the project leader finishes the event and its attendance list
    label: {nl: de bijeenkomst is afgerond, en: the event is finished}
    posted_by: [project_leader]
  consent_withdrawn: {nl: je je uitschrijft, en: you unsubscribe}   # recorded by the platform itself

retention:
  award_cycle:                           # S0-29, S0-30, S0-31
    label: {nl: Tot 12 maanden na de sluiting van de volgende ronde, en: Until 12 months after the next edition closes}
    period: P12M
    start: {calendar: award_editions, occurrence: 2}
    restart_on_new_record: true
    action: delete
    justification:
      nl: Noodzakelijk voor onze administratie en voor de toekenning van de volgende editie. Dit geldt ook voor verwijderde en uitgeschreven accounts.
      en: Needed for our administration and for granting the next edition. This also applies to deleted and unsubscribed accounts.
  award_cycle_anonymised:                # S0-28: anonymised for financial accountability
    label: {nl: "Tot 12 maanden na de sluiting van de volgende ronde, daarna anoniem", en: "Until 12 months after the next edition closes, then anonymous"}
    period: P12M
    start: {calendar: award_editions, occurrence: 2}
    restart_on_new_record: true
    action: anonymise
    anonymise: {keep: [amount, edition, paid_on], generalise_dates: month}
  event_done:                            # S0-12: deleted once processed
    label: {nl: Tot de bijeenkomst is afgerond, en: Until the event is finished}
    until: {event: event_finished, of: record}
    action: delete
  until_unsubscribed:                    # S0-33
    label: {nl: Tot je je uitschrijft, en: Until you unsubscribe}
    until: {event: consent_withdrawn, of: subject}
    action: delete
  tip_3m:                                # S0-32
    period: P3M
    action: delete
  helpdesk_1y:                           # seed silent: 12 months after the question is a defensible period for follow-up
    period: P12M
    action: delete
    justification:
      nl: Zo kunnen wij op eerdere vragen terugvallen; langer is niet nodig.
      en: So we can refer back to earlier questions; longer is not needed.
  visits_3m:                             # seed silent: raw visit data only until it is aggregated
    period: P3M
    action: delete
  fiscal_7y:                             # S0-35: anchor assumed at collection, see PROMISES notes
    period: P7Y
    action: delete
    reason: legal
    legal_ground: "art. 52 Algemene wet inzake rijksbelastingen (fiscale bewaarplicht, 7 jaar)"

recipients:
  hosting:                               # S0-36
    label: {nl: Hostingpartij, en: Hosting provider}
    kind: processor
    agreement: {reference: VWO-HOST-2023, valid_from: 2023-01-01}
    purposes: [eligibility, payout, events, newsletter, tips, helpdesk, statistics, administration]
    categories: [identity, contact, address, birth_date, care_situation, bank, payout, visit, message]
    reasons: [agreed_work]
  co_developer:                          # S0-36
    label: {nl: Medeontwikkelaar van het platform, en: Co-developer of the platform}
    kind: processor
    agreement: {reference: VWO-DEV-2023, valid_from: 2023-01-01}
    purposes: [eligibility, payout, helpdesk]
    categories: [identity, contact, address, care_situation]
    reasons: [agreed_work]
  administration_office:                 # S0-36
    label: {nl: Administratiekantoor, en: Accounting firm}
    kind: processor
    agreement: {reference: VWO-ADM-2023, valid_from: 2023-01-01}
    purposes: [payout, administration]
    categories: [identity, bank, payout]
    reasons: [agreed_work, legal_obligation]
  gemeente_assen:                        # S0-07, S0-08: the municipality that grants the award
    label: {nl: Gemeente Assen, en: Municipality of Assen}
    kind: third_party
    agreement: {reference: Opdracht mantelzorgwaardering Gemeente Assen, kind: contract, valid_from: 2023-01-01}
    purposes: [eligibility, payout]
    categories: [identity, address, payout]
    reasons: [contract, legal_obligation]

roles:
  privacy_officer:
    label: {nl: Privacyfunctionaris, en: Privacy officer}
    privacy_officer: true
    manages: [requests, breaches, consents, retention, staff, policy]
    grants:                              # discloses award data to the municipality and the processors (S0-07, S0-36)
      eligibility: [read, export, disclose]
      payout: [read, export, disclose]
      events: [read, export]
      newsletter: [read, export]
      tips: [read, export]
      helpdesk: [read, write, export]
      administration: [read, export]
  assessor:                              # S0-07, S0-40
    label: {nl: Beoordelaar mantelzorgwaardering, en: Award assessor}
    grants:
      eligibility: [read, write, decide]
      payout: [read, write, decide]
  project_leader:                        # S0-11
    label: {nl: Projectleider bijeenkomsten, en: Event project leader}
    need_to_know: true
    grants:
      events: [read, write]
  newsletter_editor:                     # S0-16
    label: {nl: Redacteur nieuwsbrief, en: Newsletter editor}
    grants:
      newsletter: [read, write]
  helpdesk:                              # S0-18, S0-32, S0-39: also takes tips by phone and e-mail
    label: {nl: Helpdeskmedewerker, en: Helpdesk staff}
    grants:
      helpdesk: [read, write]
      tips: [read, write]
  coordinator:                           # assigns registrations to project leaders; closes award editions
    label: {nl: Coördinator, en: Coordinator}
    manages: [caseloads]
  administration:
    label: {nl: Financiële administratie, en: Financial administration}
    grants:
      administration: [read, write, export]
      payout: [read]

rights:
  response_period: P4W
  identity_verification: [portal_login, id_copy]
  channels: [email, portal, phone, post]

breaches:
  authority_deadline: PT72H
  report_to: privacy@valtes.nl

backups:
  retention: P6W                          # S0-34

cookies:                                  # S0-42
  - name: sessionid
    kind: functional
    purpose: {nl: Ingelogd blijven, en: Staying logged in}
    retention: sessie
  - name: csrftoken
    kind: functional
    purpose: {nl: Beveiliging van formulieren, en: Form security}
    retention: 1 jaar
  - name: statistics
    kind: analytical
    purpose: {nl: Anonieme bezoekersstatistieken, en: Anonymous visitor statistics}
    retention: 3 maanden
','examples/ikzorginassen.yaml','valtes','1.0','2024-01-01','2026-12-03 11:52:17.681183',1,NULL,'2026-12-03 11:52:17.681183',0);
CREATE TABLE "portal_accountaddress" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "email_hash" varchar(64) NOT NULL, "sealed" BLOB NOT NULL, "user_id" bigint NOT NULL UNIQUE REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "recordings_copyrequest" ("id" char(32) NOT NULL PRIMARY KEY, "requested_by" varchar(8) NOT NULL, "requested_at" datetime NOT NULL, "fulfilled_at" datetime NULL, "via" varchar(16) NOT NULL, "recording_id" char(32) NOT NULL REFERENCES "recordings_recording" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "recordings_recording" ("id" char(32) NOT NULL PRIMARY KEY, "made_by" varchar(8) NOT NULL, "conversation_started_at" datetime NOT NULL, "announced_at" datetime NOT NULL, "registered_at" datetime NOT NULL, "sealed" BLOB NULL, "checksum" varchar(64) NOT NULL, "size" integer unsigned NOT NULL CHECK ("size" >= 0), "stored_at" datetime NULL, "consent_id" char(32) NULL REFERENCES "consent_consent" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NULL UNIQUE REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "registered_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "request_id" char(32) NULL REFERENCES "recordings_recordingrequest" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "recordings_recordingrequest" ("id" char(32) NOT NULL PRIMARY KEY, "conversation_at" datetime NOT NULL, "requested_at" datetime NOT NULL, "status" varchar(16) NOT NULL, "sealed" BLOB NULL, "decided_at" datetime NOT NULL, "decided_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "recordings_share" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "recipient" varchar(200) NOT NULL, "shared_at" datetime NOT NULL, "recording_id" char(32) NOT NULL REFERENCES "recordings_recording" ("id") DEFERRABLE INITIALLY DEFERRED, "shared_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "consent_id" char(32) NOT NULL REFERENCES "recordings_shareconsent" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "recordings_shareconsent" ("id" char(32) NOT NULL PRIMARY KEY, "document" varchar(200) NOT NULL, "stated_at_start" bool NOT NULL, "recorded_at" datetime NOT NULL, "recorded_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "recording_id" char(32) NOT NULL REFERENCES "recordings_recording" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_dataset" ("id" char(32) NOT NULL PRIMARY KEY, "purpose" text NOT NULL, "fields" text NOT NULL CHECK ((JSON_VALID("fields") OR "fields" IS NULL)), "created_at" datetime NOT NULL, "assigned_recipient" varchar(64) NOT NULL, "assigned_at" datetime NULL, "assigned_user_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "created_by_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "project_id" char(32) NOT NULL REFERENCES "research_project" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_datasetrow" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "pseudonym" varchar(64) NOT NULL, "values" text NOT NULL CHECK ((JSON_VALID("values") OR "values" IS NULL)), "collected_at" datetime NOT NULL, "collected_by_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "dataset_id" char(32) NOT NULL REFERENCES "research_dataset" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_profilingnotice" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "informed_at" datetime NOT NULL, "channel" varchar(32) NOT NULL, "recorded_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "project_id" char(32) NOT NULL REFERENCES "research_project" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_profilingrun" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "run_at" datetime NOT NULL, "included" text NOT NULL CHECK ((JSON_VALID("included") OR "included" IS NULL)), "excluded" integer unsigned NOT NULL CHECK ("excluded" >= 0), "run_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "project_id" char(32) NOT NULL REFERENCES "research_project" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_project" ("id" char(32) NOT NULL PRIMARY KEY, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "notice" text NOT NULL CHECK ((JSON_VALID("notice") OR "notice" IS NULL)), "notice_published_at" datetime NULL, "informed_at" datetime NULL, "information_channel" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "started_at" datetime NULL, "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "research_projectkey" ("project_id" char(32) NOT NULL PRIMARY KEY REFERENCES "research_project" ("id") DEFERRABLE INITIALLY DEFERRED, "wrapped" BLOB NOT NULL);
CREATE TABLE "retention_adjustment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(16) NOT NULL, "rule" varchar(64) NOT NULL, "basis" varchar(32) NOT NULL, "evidence" varchar(200) NOT NULL, "at" datetime NOT NULL, "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "retention_event" ("id" char(32) NOT NULL PRIMARY KEY, "name" varchar(64) NOT NULL, "at" datetime NOT NULL, "record_id" char(32) NULL, "attributes" text NOT NULL CHECK ((JSON_VALID("attributes") OR "attributes" IS NULL)), "created_at" datetime NOT NULL, "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "retention_hold" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "record_id" char(32) NULL, "reason" varchar(32) NOT NULL, "justification" text NOT NULL, "until" datetime NULL, "created_at" datetime NOT NULL, "released_at" datetime NULL, "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "purpose" varchar(64) NOT NULL, "released_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "review_at" datetime NULL, CONSTRAINT "hold_names_subject_record_or_purpose" CHECK (("subject_id" IS NOT NULL OR "record_id" IS NOT NULL OR NOT ("purpose" = ''))));
CREATE TABLE "rights_delivery" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "format" varchar(8) NOT NULL, "to" varchar(16) NOT NULL, "recipient" varchar(200) NOT NULL, "at" datetime NOT NULL, "by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "request_id" char(32) NOT NULL REFERENCES "rights_request" ("id") DEFERRABLE INITIALLY DEFERRED, "channel" varchar(16) NOT NULL, "received_at" datetime NULL);
CREATE TABLE "rights_request" ("id" char(32) NOT NULL PRIMARY KEY, "type" varchar(32) NOT NULL, "channel" varchar(32) NOT NULL, "purpose" varchar(64) NOT NULL, "details_sealed" BLOB NULL, "status" varchar(32) NOT NULL, "received_at" datetime NOT NULL, "due_at" datetime NOT NULL, "created_at" datetime NOT NULL, "first_due_at" datetime NOT NULL, "extension_reason" text NOT NULL, "extended_at" datetime NULL, "subject_told_at" datetime NULL, "identity_method" varchar(32) NOT NULL, "identity_verified_at" datetime NULL, "redactions_confirmed" text NOT NULL CHECK ((JSON_VALID("redactions_confirmed") OR "redactions_confirmed" IS NULL)), "id_copy_ref" varchar(200) NOT NULL, "id_copy_received_at" datetime NULL, "id_copy_deleted_at" datetime NULL, "started_at" datetime NULL, "answered_at" datetime NULL, "rejected_at" datetime NULL, "closed_at" datetime NULL, "outcome" varchar(32) NOT NULL, "answer" text NOT NULL CHECK ((JSON_VALID("answer") OR "answer" IS NULL)), "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "handled_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "identity_verified_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "requester_kind" varchar(16) NOT NULL, "requester_sealed" BLOB NULL);
CREATE TABLE "rights_statement" ("id" char(32) NOT NULL PRIMARY KEY, "sealed" BLOB NOT NULL, "at" datetime NOT NULL, "record_id" char(32) NULL REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "request_id" char(32) NOT NULL REFERENCES "rights_request" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "rights_step" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "status" varchar(32) NOT NULL, "at" datetime NOT NULL, "note" varchar(200) NOT NULL, "by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "request_id" char(32) NOT NULL REFERENCES "rights_request" ("id") DEFERRABLE INITIALLY DEFERRED, "action" varchar(32) NOT NULL);
CREATE TABLE "securemail_accesscode" ("id" char(32) NOT NULL PRIMARY KEY, "address_hash" varchar(64) NOT NULL, "code_hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "used_at" datetime NULL, "failed_attempts" smallint unsigned NOT NULL CHECK ("failed_attempts" >= 0));
CREATE TABLE "securemail_mailrequest" ("id" char(32) NOT NULL PRIMARY KEY, "kind" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "received_at" datetime NOT NULL, "handled_at" datetime NULL, "forms" text NOT NULL CHECK ((JSON_VALID("forms") OR "forms" IS NULL)), "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "handled_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NOT NULL UNIQUE REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "securemail_secureattachment" ("id" char(32) NOT NULL PRIMARY KEY, "size" integer unsigned NOT NULL CHECK ("size" >= 0), "checksum" varchar(64) NOT NULL, "sealed" BLOB NOT NULL, "message_id" char(32) NOT NULL REFERENCES "securemail_securemessage" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "securemail_securedelivery" ("id" char(32) NOT NULL PRIMARY KEY, "address_hash" varchar(64) NOT NULL, "lang" varchar(2) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "pickups" smallint unsigned NOT NULL CHECK ("pickups" >= 0), "delivery_id" bigint NOT NULL UNIQUE REFERENCES "rights_delivery" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "securemail_securemessage" ("id" char(32) NOT NULL PRIMARY KEY, "received_at" datetime NOT NULL, "code_id" char(32) NULL UNIQUE REFERENCES "securemail_accesscode" ("id") DEFERRABLE INITIALLY DEFERRED, "record_id" char(32) NOT NULL UNIQUE REFERENCES "vault_record" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "statistics_visit" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "purpose" varchar(64) NOT NULL, "at" datetime NOT NULL, "page" varchar(200) NOT NULL, "ip_prefix" varchar(64) NOT NULL, "os" varchar(32) NOT NULL, "browser" varchar(32) NOT NULL, "user_pseudonym" varchar(32) NOT NULL);
CREATE TABLE "vault_assignment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "purpose" varchar(64) NOT NULL, "team" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "user_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NOT NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "created_by" varchar(150) NOT NULL, "ended_at" datetime NULL, "ended_by" varchar(150) NOT NULL, "via" varchar(10) NOT NULL, CONSTRAINT "assignment_to_user_or_team" CHECK ((("team" = '' AND "user_id" IS NOT NULL) OR ("user_id" IS NULL AND NOT ("team" = '')))));
CREATE TABLE "vault_derivationroot" ("id" smallint unsigned NOT NULL PRIMARY KEY CHECK ("id" >= 0), "wrapped" BLOB NOT NULL, "master_key_id" varchar(16) NOT NULL, "updated_at" datetime NOT NULL);
CREATE TABLE "vault_record" ("id" char(32) NOT NULL PRIMARY KEY, "type" varchar(64) NOT NULL, "purpose" varchar(64) NOT NULL, "plain" text NOT NULL CHECK ((JSON_VALID("plain") OR "plain" IS NULL)), "sealed" BLOB NULL, "collected_at" datetime NOT NULL, "source_kind" varchar(32) NOT NULL, "source_detail" varchar(200) NOT NULL, "channel" varchar(32) NOT NULL, "channel_detail" varchar(200) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "policy_version" integer unsigned NOT NULL CHECK ("policy_version" >= 0), "retention_rule" varchar(64) NOT NULL, "expires_at" datetime NULL, "anonymised_at" datetime NULL, "created_by_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED, "subject_id" char(32) NULL REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "basis" varchar(32) NOT NULL);
INSERT INTO "vault_record" VALUES('473e9e09224e43949fb012d5525fbcf7','application','eligibility','{"edition": 2026}',X'01DE7B49E8C7EEC4AE7C700E7F4609ACCE59E8BD51944B72B9C5255EC28C763C5A223AB220DC4A471EE3B4BE43DB33FA6B48F87B8192F7F752FDE759AC19659BDE89A52E0474C9CB0405CB4E0FE6E06954165B21F29459BA263ABC0A5A4C027EF63DC1C4DCE6A37E882CEC45A83D1BB80C146C594AE72CB730263D96152D61752D28DEDF85F01D0FA97E565F58B6BF40F64E80EF7FE8CFD6182FBF3D2F687BF6DF8D0C2ECDA3F8','2026-12-03 11:52:22.665278','subject','','','','2026-12-03 11:52:22.665278','2026-12-03 11:52:22.665278',1,'award_cycle',NULL,NULL,2,'541569e47e054b4bbf1790f44a13c3a9','contract');
CREATE TABLE "vault_subject" ("id" char(32) NOT NULL PRIMARY KEY, "external_id" varchar(100) NULL UNIQUE, "bsn_hash" varchar(64) NULL, "sealed" BLOB NULL, "created_at" datetime NOT NULL, "erased_at" datetime NULL);
INSERT INTO "vault_subject" VALUES('541569e47e054b4bbf1790f44a13c3a9',NULL,NULL,X'0189AF5FE4CC2290F7F1F982AE360E7CF21B27B2A1006968C5901B5C96A4A03FA6AD3D0EF07C499CF182EAF4DD44160162B2635E44B97793','2026-12-03 11:52:22.601703',NULL);
CREATE TABLE "vault_subjectkey" ("subject_id" char(32) NOT NULL PRIMARY KEY REFERENCES "vault_subject" ("id") DEFERRABLE INITIALLY DEFERRED, "wrapped" BLOB NOT NULL, "master_key_id" varchar(16) NOT NULL, "created_at" datetime NOT NULL);
INSERT INTO "vault_subjectkey" VALUES('541569e47e054b4bbf1790f44a13c3a9',X'011F7BF4B1AA4F9C9F1A4DD97EF5B0E5154A3DA70C58F9934C79BA6ED57D7E9E7C212E9B8C2C6FF8E30582464F2A8951977F0B973352FB4F6B8C2E24A0','33c73c3912414b14','2026-12-03 11:52:22.610298');
CREATE UNIQUE INDEX "django_content_type_app_label_model_76bd3d3b_uniq" ON "django_content_type" ("app_label", "model");
CREATE UNIQUE INDEX "auth_group_permissions_group_id_permission_id_0cd325b0_uniq" ON "auth_group_permissions" ("group_id", "permission_id");
CREATE INDEX "auth_group_permissions_group_id_b120cbf9" ON "auth_group_permissions" ("group_id");
CREATE INDEX "auth_group_permissions_permission_id_84c5c92e" ON "auth_group_permissions" ("permission_id");
CREATE UNIQUE INDEX "auth_permission_content_type_id_codename_01ab375a_uniq" ON "auth_permission" ("content_type_id", "codename");
CREATE INDEX "auth_permission_content_type_id_2f476e4b" ON "auth_permission" ("content_type_id");
CREATE UNIQUE INDEX "accounts_user_groups_user_id_group_id_59c0b32f_uniq" ON "accounts_user_groups" ("user_id", "group_id");
CREATE INDEX "accounts_user_groups_user_id_52b62117" ON "accounts_user_groups" ("user_id");
CREATE INDEX "accounts_user_groups_group_id_bd11a704" ON "accounts_user_groups" ("group_id");
CREATE INDEX "vault_subje_created_75b407_idx" ON "vault_subject" ("created_at");
CREATE INDEX "vault_subject_bsn_hash_9bbe7479" ON "vault_subject" ("bsn_hash");
CREATE UNIQUE INDEX "accounts_user_user_permissions_user_id_permission_id_2ab516c2_uniq" ON "accounts_user_user_permissions" ("user_id", "permission_id");
CREATE INDEX "accounts_user_user_permissions_user_id_e4f0a161" ON "accounts_user_user_permissions" ("user_id");
CREATE INDEX "accounts_user_user_permissions_permission_id_113bb443" ON "accounts_user_user_permissions" ("permission_id");
CREATE INDEX "accounts_apitoken_user_id_bbee13e0" ON "accounts_apitoken" ("user_id");
CREATE INDEX "django_admin_log_content_type_id_c4bce8eb" ON "django_admin_log" ("content_type_id");
CREATE INDEX "django_admin_log_user_id_c564eba6" ON "django_admin_log" ("user_id");
CREATE INDEX "vault_record_purpose_1e1c2947" ON "vault_record" ("purpose");
CREATE INDEX "vault_record_created_by_id_c9c217c6" ON "vault_record" ("created_by_id");
CREATE INDEX "vault_record_subject_id_7e82f403" ON "vault_record" ("subject_id");
CREATE INDEX "record_expiry" ON "vault_record" ("expires_at") WHERE ("anonymised_at" IS NULL AND "expires_at" IS NOT NULL);
CREATE INDEX "record_subject_purpose" ON "vault_record" ("subject_id", "purpose");
CREATE INDEX "audit_auditentry_subject_pseudonym_b52d910f" ON "audit_auditentry" ("subject_pseudonym");
CREATE INDEX "audit_audit_at_bd7d43_idx" ON "audit_auditentry" ("at");
CREATE INDEX "audit_audit_action_46c86c_idx" ON "audit_auditentry" ("action", "outcome");
CREATE INDEX "audit_grouped" ON "audit_auditentry" ("id") WHERE "subjects" IS NOT NULL;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditentry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_auditentry refused'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditentry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_auditentry refused'); END;
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_auditseal
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_auditseal refused'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_auditseal
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_auditseal refused'); END;
CREATE INDEX "axes_accessattempt_user_agent_ad89678b" ON "axes_accessattempt" ("user_agent");
CREATE INDEX "axes_accessattempt_ip_address_10922d9c" ON "axes_accessattempt" ("ip_address");
CREATE INDEX "axes_accessattempt_username_3f2d4ca0" ON "axes_accessattempt" ("username");
CREATE UNIQUE INDEX "axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq" ON "axes_accessattempt" ("username", "ip_address", "user_agent");
CREATE INDEX "axes_accessfailurelog_user_agent_ea145dda" ON "axes_accessfailurelog" ("user_agent");
CREATE INDEX "axes_accessfailurelog_ip_address_2e9f5a7f" ON "axes_accessfailurelog" ("ip_address");
CREATE INDEX "axes_accessfailurelog_username_a8b7e8a4" ON "axes_accessfailurelog" ("username");
CREATE INDEX "axes_accesslog_user_agent_0e659004" ON "axes_accesslog" ("user_agent");
CREATE INDEX "axes_accesslog_ip_address_86b417e5" ON "axes_accesslog" ("ip_address");
CREATE INDEX "axes_accesslog_username_df93064b" ON "axes_accesslog" ("username");
CREATE INDEX "breaches_br_status_0debd1_idx" ON "breaches_breach" ("status", "authority_due_at");
CREATE INDEX "breaches_breach_reported_by_id_752825c7" ON "breaches_breach" ("reported_by_id");
CREATE INDEX "breaches_authoritynotification_by_id_91618432" ON "breaches_authoritynotification" ("by_id");
CREATE INDEX "breaches_authoritynotification_breach_id_e27bb3dc" ON "breaches_authoritynotification" ("breach_id");
CREATE INDEX "breaches_breachlogentry_breach_id_ee252871" ON "breaches_breachlogentry" ("breach_id");
CREATE INDEX "breaches_affectedsubject_subject_id_7305bd3f" ON "breaches_affectedsubject" ("subject_id");
CREATE INDEX "breaches_affectedsubject_breach_id_4d3a7e03" ON "breaches_affectedsubject" ("breach_id");
CREATE INDEX "consent_subject_purpose" ON "consent_consent" ("subject_id", "purpose", "status");
CREATE INDEX "notice_unsent" ON "consent_notice" ("sent_at", "due_at");
CREATE INDEX "objection_subject_purpose" ON "consent_objection" ("subject_id", "purpose");
CREATE INDEX "optout_subject" ON "consent_optout" ("subject_id", "reversed_at");
CREATE INDEX "restriction_subject" ON "consent_restriction" ("subject_id", "lifted_at");
CREATE INDEX "consent_consent_recorded_by_id_71953661" ON "consent_consent" ("recorded_by_id");
CREATE INDEX "consent_consent_subject_id_29afa78a" ON "consent_consent" ("subject_id");
CREATE INDEX "consent_consent_verified_by_id_8b5a7f8d" ON "consent_consent" ("verified_by_id");
CREATE INDEX "consent_consent_withdrawn_by_id_e437916c" ON "consent_consent" ("withdrawn_by_id");
CREATE INDEX "consent_notice_consent_id_5a41951e" ON "consent_notice" ("consent_id");
CREATE INDEX "consent_notice_record_id_e6106a31" ON "consent_notice" ("record_id");
CREATE INDEX "consent_notice_sent_by_id_b2745154" ON "consent_notice" ("sent_by_id");
CREATE INDEX "consent_notice_subject_id_e760d6f3" ON "consent_notice" ("subject_id");
CREATE INDEX "consent_objection_overridden_by_id_1ea74f44" ON "consent_objection" ("overridden_by_id");
CREATE INDEX "consent_objection_recorded_by_id_0e6f566e" ON "consent_objection" ("recorded_by_id");
CREATE INDEX "consent_objection_subject_id_6ca627d8" ON "consent_objection" ("subject_id");
CREATE INDEX "consent_optout_recorded_by_id_b40df1d1" ON "consent_optout" ("recorded_by_id");
CREATE INDEX "consent_optout_reversed_by_id_e25d0633" ON "consent_optout" ("reversed_by_id");
CREATE INDEX "consent_optout_subject_id_74d8780e" ON "consent_optout" ("subject_id");
CREATE INDEX "consent_restriction_lifted_by_id_a0241c54" ON "consent_restriction" ("lifted_by_id");
CREATE INDEX "consent_restriction_set_by_id_f4690aa0" ON "consent_restriction" ("set_by_id");
CREATE INDEX "consent_restriction_subject_id_51df91db" ON "consent_restriction" ("subject_id");
CREATE INDEX "decisions_f_record__a11849_idx" ON "decisions_flag" ("record_id", "cleared_at");
CREATE INDEX "decisions_decision_decided_by_id_82b02fec" ON "decisions_decision" ("decided_by_id");
CREATE INDEX "decisions_decision_record_id_1934adc0" ON "decisions_decision" ("record_id");
CREATE INDEX "decisions_flag_cleared_by_id_8bf7a70e" ON "decisions_flag" ("cleared_by_id");
CREATE INDEX "decisions_flag_raised_by_user_id_e6fba4ea" ON "decisions_flag" ("raised_by_user_id");
CREATE INDEX "decisions_flag_record_id_d6bed163" ON "decisions_flag" ("record_id");
CREATE INDEX "decisions_conversation_record_id_53224ac9" ON "decisions_conversation" ("record_id");
CREATE INDEX "decisions_conversation_flag_id_251bac98" ON "decisions_conversation" ("flag_id");
CREATE INDEX "decisions_payout_application_id_ded03452" ON "decisions_payout" ("application_id");
CREATE INDEX "decisions_payout_decision_id_32638659" ON "decisions_payout" ("decision_id");
CREATE INDEX "decisions_payout_paid_by_id_4dc91ff3" ON "decisions_payout" ("paid_by_id");
CREATE INDEX "disclosures_disclosure_actor_id_d3020bfe" ON "disclosures_disclosure" ("actor_id");
CREATE INDEX "disclosures_disclosure_subject_id_53b52659" ON "disclosures_disclosure" ("subject_id");
CREATE INDEX "disclosures_subject_273759_idx" ON "disclosures_disclosure" ("subject_id", "at");
CREATE INDEX "jobs_jobrun_name_1ce00f_idx" ON "jobs_jobrun" ("name", "started_at" DESC);
CREATE INDEX "rights_statement_record_id_bac501c1" ON "rights_statement" ("record_id");
CREATE INDEX "rights_statement_request_id_b4b08acf" ON "rights_statement" ("request_id");
CREATE INDEX "rights_statement_subject_id_d9cb6353" ON "rights_statement" ("subject_id");
CREATE INDEX "listings_listing_subject_id_741b0d4a" ON "listings_listing" ("subject_id");
CREATE INDEX "listings_listing_verification_id_e171e559" ON "listings_listing" ("verification_id");
CREATE INDEX "listings_minorreport_confirmed_by_id_816c09c1" ON "listings_minorreport" ("confirmed_by_id");
CREATE INDEX "listings_minorreport_erasure_id_7cbbacd8" ON "listings_minorreport" ("erasure_id");
CREATE INDEX "listings_minorreport_record_id_fddc47cf" ON "listings_minorreport" ("record_id");
CREATE INDEX "listings_minorreport_reporter_id_b72adf4d" ON "listings_minorreport" ("reporter_id");
CREATE INDEX "listings_ticket_listing_id_246bda80" ON "listings_ticket" ("listing_id");
CREATE INDEX "listings_ticket_record_id_cf154a6a" ON "listings_ticket" ("record_id");
CREATE INDEX "listings_ticket_subject_id_2f6f0c2d" ON "listings_ticket" ("subject_id");
CREATE INDEX "listings_ticketmessage_by_id_84ce7fa2" ON "listings_ticketmessage" ("by_id");
CREATE INDEX "listings_ticketmessage_ticket_id_a65cd467" ON "listings_ticketmessage" ("ticket_id");
CREATE INDEX "listings_verificationmail_listing_id_694b8802" ON "listings_verificationmail" ("listing_id");
CREATE INDEX "listings_ve_listing_186647_idx" ON "listings_verificationmail" ("listing_id", "at" DESC);
CREATE INDEX "mailings_mailing_created_by_id_31739490" ON "mailings_mailing" ("created_by_id");
CREATE UNIQUE INDEX "one_current_policy" ON "policy_policyversion" ("is_current") WHERE "is_current";
CREATE INDEX "policy_policyversion_activated_by_id_f36e2a22" ON "policy_policyversion" ("activated_by_id");
CREATE INDEX "portal_accountaddress_email_hash_595eca0e" ON "portal_accountaddress" ("email_hash");
CREATE INDEX "recordings_recording_consent_id_1d46c6ec" ON "recordings_recording" ("consent_id");
CREATE INDEX "recordings_recording_registered_by_id_255425a3" ON "recordings_recording" ("registered_by_id");
CREATE INDEX "recordings_recording_subject_id_cef29d64" ON "recordings_recording" ("subject_id");
CREATE INDEX "recordings_copyrequest_recording_id_2b7dc243" ON "recordings_copyrequest" ("recording_id");
CREATE INDEX "recordings_recordingrequest_decided_by_id_fcd3e678" ON "recordings_recordingrequest" ("decided_by_id");
CREATE INDEX "recordings_recordingrequest_subject_id_a14479f9" ON "recordings_recordingrequest" ("subject_id");
CREATE INDEX "recordings_recording_request_id_0e85f014" ON "recordings_recording" ("request_id");
CREATE INDEX "recordings_shareconsent_recorded_by_id_1a56aac6" ON "recordings_shareconsent" ("recorded_by_id");
CREATE INDEX "recordings_shareconsent_recording_id_2b86aa46" ON "recordings_shareconsent" ("recording_id");
CREATE INDEX "recordings_share_recording_id_e49a2ca5" ON "recordings_share" ("recording_id");
CREATE INDEX "recordings_share_shared_by_id_c05ba0a1" ON "recordings_share" ("shared_by_id");
CREATE INDEX "recordings_share_consent_id_1d7847c1" ON "recordings_share" ("consent_id");
CREATE INDEX "research_project_created_by_id_889402d7" ON "research_project" ("created_by_id");
CREATE INDEX "research_dataset_assigned_user_id_542fc8fc" ON "research_dataset" ("assigned_user_id");
CREATE INDEX "research_dataset_created_by_id_1ae10f8d" ON "research_dataset" ("created_by_id");
CREATE INDEX "research_dataset_project_id_f01594df" ON "research_dataset" ("project_id");
CREATE INDEX "research_datasetrow_pseudonym_2f7b4a26" ON "research_datasetrow" ("pseudonym");
CREATE INDEX "research_datasetrow_collected_by_id_e863b1b2" ON "research_datasetrow" ("collected_by_id");
CREATE INDEX "research_datasetrow_dataset_id_841cdacb" ON "research_datasetrow" ("dataset_id");
CREATE INDEX "research_profilingrun_run_by_id_a10a94eb" ON "research_profilingrun" ("run_by_id");
CREATE INDEX "research_profilingrun_project_id_af24d313" ON "research_profilingrun" ("project_id");
CREATE INDEX "research_profilingnotice_recorded_by_id_7e5cf149" ON "research_profilingnotice" ("recorded_by_id");
CREATE INDEX "research_profilingnotice_subject_id_4a101b0f" ON "research_profilingnotice" ("subject_id");
CREATE INDEX "research_profilingnotice_project_id_0128e7c6" ON "research_profilingnotice" ("project_id");
CREATE INDEX "research_pr_project_80b20a_idx" ON "research_profilingnotice" ("project_id", "subject_id");
CREATE INDEX "vault_assignment_user_id_be136bd7" ON "vault_assignment" ("user_id");
CREATE INDEX "vault_assignment_subject_id_7ece004a" ON "vault_assignment" ("subject_id");
CREATE INDEX "vault_assig_subject_81e687_idx" ON "vault_assignment" ("subject_id", "purpose");
CREATE UNIQUE INDEX "assignment_active_user" ON "vault_assignment" ("subject_id", "purpose", "user_id") WHERE ("ended_at" IS NULL AND "user_id" IS NOT NULL);
CREATE UNIQUE INDEX "assignment_active_team" ON "vault_assignment" ("subject_id", "purpose", "team") WHERE ("ended_at" IS NULL AND NOT ("team" = ''));
CREATE INDEX "retention_adjustment_created_by_id_bbb14f99" ON "retention_adjustment" ("created_by_id");
CREATE INDEX "retention_adjustment_subject_id_fa1cf217" ON "retention_adjustment" ("subject_id");
CREATE INDEX "adjustment_subject_rule" ON "retention_adjustment" ("subject_id", "rule");
CREATE INDEX "retention_event_created_by_id_6ff8e8b4" ON "retention_event" ("created_by_id");
CREATE INDEX "retention_event_subject_id_9d9491dd" ON "retention_event" ("subject_id");
CREATE INDEX "event_name_at" ON "retention_event" ("name", "at");
CREATE INDEX "event_subject_name" ON "retention_event" ("subject_id", "name");
CREATE INDEX "event_record_name" ON "retention_event" ("record_id", "name");
CREATE INDEX "retention_hold_created_by_id_9f5b590c" ON "retention_hold" ("created_by_id");
CREATE INDEX "retention_hold_subject_id_cdf4de17" ON "retention_hold" ("subject_id");
CREATE INDEX "retention_hold_released_by_id_68572d8e" ON "retention_hold" ("released_by_id");
CREATE INDEX "hold_subject" ON "retention_hold" ("subject_id");
CREATE INDEX "hold_record" ON "retention_hold" ("record_id");
CREATE INDEX "hold_purpose" ON "retention_hold" ("purpose");
CREATE INDEX "rights_delivery_by_id_0f437a60" ON "rights_delivery" ("by_id");
CREATE INDEX "rights_delivery_request_id_cff20cc0" ON "rights_delivery" ("request_id");
CREATE INDEX "rights_request_created_by_id_dd444718" ON "rights_request" ("created_by_id");
CREATE INDEX "rights_request_handled_by_id_f30daba3" ON "rights_request" ("handled_by_id");
CREATE INDEX "rights_request_identity_verified_by_id_9f0d1f99" ON "rights_request" ("identity_verified_by_id");
CREATE INDEX "rights_request_subject_id_107c9f4d" ON "rights_request" ("subject_id");
CREATE INDEX "rights_requ_status_6a1202_idx" ON "rights_request" ("status", "due_at");
CREATE INDEX "rights_requ_type_ca4754_idx" ON "rights_request" ("type", "received_at");
CREATE INDEX "rights_step_by_id_758f6d3d" ON "rights_step" ("by_id");
CREATE INDEX "rights_step_request_id_21887265" ON "rights_step" ("request_id");
CREATE INDEX "securemail_accesscode_address_hash_9d309416" ON "securemail_accesscode" ("address_hash");
CREATE INDEX "securemail_secureattachment_message_id_3a72faf1" ON "securemail_secureattachment" ("message_id");
CREATE INDEX "securemail_mailrequest_created_by_id_f66ce1c4" ON "securemail_mailrequest" ("created_by_id");
CREATE INDEX "securemail_mailrequest_handled_by_id_38cf9755" ON "securemail_mailrequest" ("handled_by_id");
CREATE INDEX "securemail_mailrequest_subject_id_14010df1" ON "securemail_mailrequest" ("subject_id");
CREATE INDEX "securemail__status_a1acd1_idx" ON "securemail_mailrequest" ("status", "received_at");
CREATE INDEX "django_session_expire_date_a5c62663" ON "django_session" ("expire_date");
CREATE INDEX "statistics__at_21a42c_idx" ON "statistics_visit" ("at");
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('django_migrations',60);
INSERT INTO "sqlite_sequence" VALUES('django_content_type',66);
INSERT INTO "sqlite_sequence" VALUES('auth_permission',264);
INSERT INTO "sqlite_sequence" VALUES('auth_group',0);
INSERT INTO "sqlite_sequence" VALUES('accounts_user',2);
INSERT INTO "sqlite_sequence" VALUES('accounts_apitoken',1);
INSERT INTO "sqlite_sequence" VALUES('django_admin_log',0);
INSERT INTO "sqlite_sequence" VALUES('axes_accessattempt',0);
INSERT INTO "sqlite_sequence" VALUES('axes_accesslog',0);
INSERT INTO "sqlite_sequence" VALUES('breaches_affectedsubject',0);
INSERT INTO "sqlite_sequence" VALUES('policy_policyversion',1);
INSERT INTO "sqlite_sequence" VALUES('vault_assignment',0);
INSERT INTO "sqlite_sequence" VALUES('retention_hold',0);
INSERT INTO "sqlite_sequence" VALUES('rights_delivery',0);
INSERT INTO "sqlite_sequence" VALUES('rights_step',0);
INSERT INTO "sqlite_sequence" VALUES('audit_auditentry',6);
COMMIT;

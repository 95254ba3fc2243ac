-- How close can any import into the registry come to a raw COPY? (issue 7; bench/README.md, "The ceiling")
-- Run with psql as the database owner against an SLRT database that has no members, e.g.
--   psql -h localhost -p <port in <data>/pg/postmaster.pid> -U postgres -d slrt -f bench/import-ceiling.sql
-- It writes 280 000 households and 1 000 000 members: use a throw-away database (SLRT_DEMO=false, fresh data dir).
\timing on
\set cols 'id, household_id, region_code, nik, full_name, birth_place, birth_date, sex, relationship, marital_status, occupation, disability, mother_name, status, quality, version, created_at, created_by, updated_at, updated_by'
insert into household (id, region_code, no_kk, address, rt, rw, status, quality, version, created_at, created_by, updated_at, updated_by)
select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '1409011012', lpad(i::text, 16, '1'), 'Jl. Uji ' || i,
       '001', '002', 'ACTIVE', 'OK', 0, now(), 'bench', now(), 'bench'
from generate_series(1, 280000) i;
copy (
  select ('00000000-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid as id,
         ('00000000-0000-7000-8000-' || lpad(to_hex(1 + i % 280000), 12, '0'))::uuid as household_id,
         '1409011012' as region_code,
         '140901' || lpad(((i::bigint * 7919) % 1000000)::text, 6, '0') || lpad((i % 10000)::text, 4, '0') as nik,
         (array['Siti','Ahmad','Budi','Dewi','Eko','Fitri','Gilang','Hendra','Indah','Joko','Kartini','Lestari','Made','Nur',
                'Oktavia','Putri','Rahmat','Sri','Teguh','Wahyu'])[1 + i % 20]
           || ' ' || (array['Saputra','Wijaya','Hidayat','Lubis','Nasution','Siregar','Harahap','Pohan','Rangkuti','Simanjuntak',
                'Sembiring','Ginting','Tarigan','Sitepu','Purba','Damanik','Manurung','Panjaitan','Pardede','Sinaga','Situmorang',
                'Tambunan','Hutapea','Pane','Daulay','Batubara','Matondang','Ritonga','Dalimunthe','Rambe'])[1 + (i / 20) % 30]
           || case when i % 3 = 0 then ' binti Ahmad' else '' end as full_name,
         'Teluk Kuantan' as birth_place, (date '1950-01-01' + (i % 25000)) as birth_date,
         (array['L','P'])[1 + i % 2] as sex, (array['KEPALA','ISTRI_SUAMI','ANAK','ANAK'])[1 + i % 4] as relationship,
         'KAWIN' as marital_status, 'PETANI' as occupation, 'NONE' as disability, 'Ibu ' || i as mother_name,
         'ACTIVE' as status, 'OK' as quality, 0 as version, now() as created_at, 'bench' as created_by, now() as updated_at,
         'bench' as updated_by
  from generate_series(1, 1000000) i
) to '/tmp/slrt-import-ceiling.csv' (format csv, header);

create table ceiling_raw (id text, household_id text, region_code text, nik text, full_name text, birth_place text,
  birth_date text, sex text, relationship text, marital_status text, occupation text, disability text, mother_name text,
  status text, quality text, version text, created_at text, created_by text, updated_at text, updated_by text);
\echo 1. raw COPY into an unindexed table of text columns, three times
copy ceiling_raw from '/tmp/slrt-import-ceiling.csv' (format csv, header);
truncate ceiling_raw;
copy ceiling_raw from '/tmp/slrt-import-ceiling.csv' (format csv, header);
truncate ceiling_raw;
copy ceiling_raw from '/tmp/slrt-import-ceiling.csv' (format csv, header);
create table ceiling_plain (like member including defaults including constraints);
alter table ceiling_plain drop column name_key;
\echo 2. member columns, types and checks; no index, no name key
copy ceiling_plain (:cols) from '/tmp/slrt-import-ceiling.csv' (format csv, header);
create table ceiling_key (like member including defaults including constraints including generated);
\echo 3. plus the generated name key
copy ceiling_key (:cols) from '/tmp/slrt-import-ceiling.csv' (format csv, header);
create table ceiling_btree (like member including defaults including constraints including generated);
create index on ceiling_btree (id);
create index on ceiling_btree (household_id);
create index on ceiling_btree (nik);
create index on ceiling_btree (region_code);
\echo 4. plus the four b-tree indexes
copy ceiling_btree (:cols) from '/tmp/slrt-import-ceiling.csv' (format csv, header);
\echo 5. the member table itself (GIN name indexes, name-token trigger, foreign keys)
copy member (:cols) from '/tmp/slrt-import-ceiling.csv' (format csv, header);
drop table ceiling_raw, ceiling_plain, ceiling_key, ceiling_btree;
